import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { forgetLearnedSet, getLearnedSet, LEARNED_RECHECK_MS, readConfirmedSessions } from "@/lib/sessions/confirmed";
import { createSession, getSession, updateSession } from "@/lib/sessions/repository";
import { updateSessionSchema } from "@/lib/sessions/session-schema";
import { MAX_LEARNED_TEXTS_PER_CAUSE, NOTHING_LEARNED } from "@/lib/triage/learned";
import type { PrismaClient } from "@/generated/prisma/client";
import { backends, createTestPrisma } from "@/test/db/databases";

const SHOWN = { engineVersion: "0123456789ab", causes: ["conntrack-insert-race" as const, "dns-resolution-failure" as const] };

describe.each(backends)("confirmed sessions on %s", (dialect) => {
  let prisma: PrismaClient;
  beforeAll(async () => {
    prisma = await createTestPrisma(dialect);
    forgetLearnedSet();
  });
  afterAll(async () => {
    forgetLearnedSet();
    await prisma.$disconnect();
  });

  it("stores when a cause was confirmed and what the wizard showed, and clears the time when it is undone", async () => {
    const created = await createSession(prisma, { description: "pods see 5 s DNS delays" });
    const confirmed = await updateSession(prisma, created.id, {
      version: 1,
      confirmedCause: "conntrack-insert-race",
      status: "confirmed",
      shownDiagnosis: SHOWN,
    });
    expect(confirmed.shownDiagnosis).toEqual(SHOWN);
    expect(Date.parse(confirmed.confirmedAt ?? "")).toBeGreaterThan(Date.parse(created.createdAt) - 1);
    expect(await getSession(prisma, created.id)).toEqual(confirmed);
    const notes = await updateSession(prisma, created.id, { version: 2, notes: "same cause", confirmedCause: "conntrack-insert-race" });
    expect(notes.confirmedAt).toBe(confirmed.confirmedAt);
    const undone = await updateSession(prisma, created.id, { version: 3, confirmedCause: null, status: "open" });
    expect(undone.confirmedAt).toBeNull();
    expect(await getSession(prisma, created.id)).toEqual(undone);
  });

  it("learns the confirmed sessions, rereads them only when they changed and the recheck interval passed", async () => {
    const learned = await getLearnedSet(prisma, 1_000);
    expect(learned).toBe(NOTHING_LEARNED);
    const created = await createSession(prisma, { description: "Clients behind NAT time out", outputs: [{ text: "net.ipv4.tcp_tw_recycle = 1" }] });
    await updateSession(prisma, created.id, { version: 1, confirmedCause: "tcp-tw-recycle-nat-timestamps", status: "confirmed" });
    expect(await getLearnedSet(prisma, 1_000 + LEARNED_RECHECK_MS - 1)).toBe(NOTHING_LEARNED);
    const later = await getLearnedSet(prisma, 1_000 + LEARNED_RECHECK_MS);
    expect(later.tickets.map((t) => [t.id, t.cause, t.outputs])).toEqual([
      [created.id, "tcp-tw-recycle-nat-timestamps", [{ text: "net.ipv4.tcp_tw_recycle = 1" }]],
    ]);
    expect(await getLearnedSet(prisma, 1_000 + 2 * LEARNED_RECHECK_MS)).toBe(later);
    expect((await readConfirmedSessions(prisma)).map((s) => s.id)).toEqual([created.id]);
  });

  it("reads only what the knowledge uses: the most recent sessions of each cause, up to the bound", { timeout: 60_000 }, async () => {
    for (let i = 0; i <= MAX_LEARNED_TEXTS_PER_CAUSE; i++) {
      const created = await createSession(prisma, { description: `MTU black hole ticket ${i}` });
      await updateSession(prisma, created.id, { version: 1, confirmedCause: "mtu-mismatch", status: "confirmed" });
    }
    const learned = await getLearnedSet(prisma, 10 * LEARNED_RECHECK_MS);
    const mtu = learned.tickets.filter((t) => t.cause === "mtu-mismatch").map((t) => t.id);
    expect(mtu).toHaveLength(MAX_LEARNED_TEXTS_PER_CAUSE);
    expect(mtu).toEqual(
      (await readConfirmedSessions(prisma))
        .filter((s) => s.cause === "mtu-mismatch")
        .slice(0, MAX_LEARNED_TEXTS_PER_CAUSE)
        .map((s) => s.id),
    );
    expect(learned.tickets.filter((t) => t.cause === "tcp-tw-recycle-nat-timestamps")).toHaveLength(1);
    expect(Object.keys(learned.tickets[0]).sort()).toEqual(["cause", "description", "id", "outputs"]);
  });
});

describe("a save's shown diagnosis", () => {
  it("must name an engine version and root-cause ids", () => {
    expect(updateSessionSchema.safeParse({ version: 1, shownDiagnosis: SHOWN }).success).toBe(true);
    expect(updateSessionSchema.safeParse({ version: 1, shownDiagnosis: { engineVersion: "v1", causes: [] } }).success).toBe(false);
    expect(updateSessionSchema.safeParse({ version: 1, shownDiagnosis: { engineVersion: "0123456789ab", causes: ["no-such-cause"] } }).success).toBe(false);
  });
});

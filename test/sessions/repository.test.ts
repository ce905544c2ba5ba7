import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/http/errors";
import { createSession, deriveTitle, getSession, listAudit, listSessions, updateSession } from "@/lib/sessions/repository";
import type { PrismaClient } from "@/generated/prisma/client";
import { backends, createTestPrisma } from "@/test/db/databases";

describe.each(backends)("session repository on %s", (dialect) => {
  let prisma: PrismaClient;
  beforeAll(async () => {
    prisma = await createTestPrisma(dialect);
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  it("creates a session with a title from the first line and reads it back", async () => {
    const created = await createSession(prisma, {
      description: "Clients behind NAT time out\nsince Monday",
      outputs: [{ command: "netstat -s", text: "1 SYNs to LISTEN sockets dropped" }],
      answers: { symptom: "cannot-connect" },
    });
    expect(created).toMatchObject({ title: "Clients behind NAT time out", version: 1, status: "open" });
    expect(await getSession(prisma, created.id)).toEqual(created);
  });

  it("lists sessions newest first", async () => {
    const older = await createSession(prisma, { description: "older" });
    const newer = await createSession(prisma, { description: "newer" });
    await updateSession(prisma, older.id, { version: 1, notes: "touched" });
    const ids = (await listSessions(prisma)).map((s) => s.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
  });

  describe("updateSession", () => {
    it("applies a change at the current version and bumps it", async () => {
      const created = await createSession(prisma, { description: "x" });
      const updated = await updateSession(prisma, created.id, { version: 1, notes: "checked SG", answers: { symptom: "dns" } });
      expect(updated).toMatchObject({ version: 2, notes: "checked SG", answers: { symptom: "dns" } });
      expect(await getSession(prisma, created.id)).toEqual(updated);
    });

    it("answers with exactly what it stored, for every field", async () => {
      const created = await createSession(prisma, { description: "x", outputs: [{ text: "a" }] });
      const change = {
        version: 1,
        title: "T",
        ticketRef: "R-1",
        description: "d",
        outputs: [{ command: "ss -s", text: "b" }],
        answers: { symptom: "dns" },
        notes: "n",
        status: "confirmed" as const,
        confirmedCause: "conntrack-table-full" as const,
        shared: true,
      };
      const updated = await updateSession(prisma, created.id, change);
      expect(updated).toMatchObject({ ...change, version: 2 });
      expect(await getSession(prisma, created.id)).toEqual(updated);
      const cleared = await updateSession(prisma, created.id, { version: 2, confirmedCause: null, shared: false });
      expect(cleared).toMatchObject({ confirmedCause: null, shared: false, notes: "n", version: 3 });
      expect(await getSession(prisma, created.id)).toEqual(cleared);
    });

    it("refuses a stale version with 409 and keeps the newer save", async () => {
      const created = await createSession(prisma, { description: "x" });
      await updateSession(prisma, created.id, { version: 1, notes: "first tab" });
      const stale = updateSession(prisma, created.id, { version: 1, notes: "second tab" });
      await expect(stale).rejects.toMatchObject({ status: 409 });
      expect((await getSession(prisma, created.id)).notes).toBe("first tab");
    });

    it("records a save that changed fields in the audit, and nothing for a refused or empty save", async () => {
      const created = await createSession(prisma, { description: "x" });
      await updateSession(prisma, created.id, { version: 1, notes: "first tab" });
      await expect(updateSession(prisma, created.id, { version: 1, notes: "second tab" })).rejects.toMatchObject({ status: 409 });
      await updateSession(prisma, created.id, { version: 2, notes: "first tab" });
      const audit = await listAudit(prisma, created.id);
      expect(audit.map(({ action, fields, version }) => ({ action, fields, version }))).toEqual([
        { action: "created", fields: ["description"], version: 1 },
        { action: "updated", fields: ["notes"], version: 2 },
      ]);
      expect((await getSession(prisma, created.id)).version).toBe(3);
    });

    it("lets exactly one of several simultaneous saves of one version through", async () => {
      const created = await createSession(prisma, { description: "x" });
      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => updateSession(prisma, created.id, { version: 1, notes: `tab ${i}` })));
      const saved = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      expect(saved).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.status)).toEqual(Array(9).fill(409));
      expect(await getSession(prisma, created.id)).toEqual(saved[0]);
      expect((await listAudit(prisma, created.id)).map((entry) => entry.version)).toEqual([1, 2]);
    });

    it("answers 404 for an unknown session", async () => {
      await expect(updateSession(prisma, "nope", { version: 1, notes: "x" })).rejects.toThrow(AppError);
      await expect(getSession(prisma, "nope")).rejects.toMatchObject({ status: 404 });
    });
  });
});

describe("deriveTitle", () => {
  it("uses the first non-empty line, shortened", () => {
    expect(deriveTitle("\n  DNS is slow  \nmore")).toBe("DNS is slow");
    expect(deriveTitle("x".repeat(100))).toHaveLength(78);
    expect(deriveTitle("   ")).toBe("Untitled ticket");
  });
});

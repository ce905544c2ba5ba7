import fs from "node:fs";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { createPrisma } from "@/lib/db";
import { splitCaseMdx } from "@/lib/library/case-fields";
import { getLiveLearnedSet } from "@/lib/library/live-knowledge";
import { getLiveSearchIndex, SYNC_INTERVAL_MS } from "@/lib/library/live-library";
import { actOnLibraryCase, createLibraryCase } from "@/lib/library/repository";
import { rankContent } from "@/lib/search/search";
import { forgetLearnedSet } from "@/lib/sessions/confirmed";
import { getLiveExerciseCatalogue } from "@/lib/training/live-catalogue";
import { diagnose } from "@/lib/triage/diagnose";
import { getTriageKnowledge } from "@/lib/triage/knowledge";
import { NOTHING_LEARNED } from "@/lib/triage/learned";
import { backends, createMigratedDatabase, ROOT } from "@/test/db/databases";

const { fields, body } = splitCaseMdx(fs.readFileSync(path.join(ROOT, "content/cases/k8s-dns-5s-conntrack-dnat-race.mdx"), "utf8"));
const TICKET = { description: "Kookaburra pods see 5 s DNS delays through the wallaby resolver" };
const synced = () => new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS + 50));

afterEach(() => forgetLearnedSet());

describe.each(backends)("the engine and drills with cases published in the app on %s", (dialect) => {
  it("learns a case published on another client, suggests it, drills it, and forgets it once archived", { timeout: 60_000 }, async () => {
    const url = await createMigratedDatabase(dialect);
    const writer = createPrisma(url);
    const reader = createPrisma(url);
    expect(await getLiveLearnedSet(reader)).toBe(NOTHING_LEARNED);
    const before = diagnose(TICKET, getTriageKnowledge(await getLiveLearnedSet(reader)));

    const created = await createLibraryCase(writer, {
      ...fields,
      id: undefined,
      title: "Kookaburra pods: DNS delays through the wallaby resolver",
      related: [],
      body,
    });
    await actOnLibraryCase(writer, created.id, "publish");
    await synced();
    const learned = await getLiveLearnedSet(reader);
    expect(learned.cases.map((c) => [c.id, c.cause])).toEqual([[created.id, "conntrack-insert-race"]]);
    expect(learned.key).not.toBe(NOTHING_LEARNED.key);

    const after = diagnose(TICKET, getTriageKnowledge(learned));
    expect(after.rootCauses.find((c) => c.id === "conntrack-insert-race")?.cases).toContain(created.id);
    expect(after.engineVersion).not.toBe(before.engineVersion);
    const similar = rankContent(await getLiveSearchIndex(reader), after.similar.query, { kinds: ["case"], limit: 5 }).map((r) => r.document.id);
    expect(similar).toContain(created.id);

    const catalogue = await getLiveExerciseCatalogue("en", reader);
    const drills = catalogue.exercises.filter((e) => e.caseId === created.id);
    expect(drills.map((e) => e.kind)).toContain("ticket");
    expect(catalogue.get(drills[0].id)?.caseId).toBe(created.id);
    const zh = await getLiveExerciseCatalogue("zh", reader);
    expect(zh.get(drills[0].id)?.caseId).toBe(created.id);

    await actOnLibraryCase(writer, created.id, "archive");
    await synced();
    expect(await getLiveLearnedSet(reader)).toBe(NOTHING_LEARNED);
    expect((await getLiveExerciseCatalogue("en", reader)).get(drills[0].id)).toBeUndefined();
    await Promise.all([writer.$disconnect(), reader.$disconnect()]);
  });

  it("drills the most recently published cases at once and the rest in the background", { timeout: 120_000 }, async () => {
    const prisma = createPrisma(await createMigratedDatabase(dialect));
    const count = 130;
    await prisma.libraryCase.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        id: `bulk-case-${i}`,
        title: `Bulk case ${i}`,
        status: "published",
        fields: JSON.stringify({ ...fields, title: `Bulk case ${i}` }),
        body,
        libraryVersion: i + 1,
      })),
    });
    await prisma.libraryState.create({ data: { id: 1, version: count } });
    const inApp = (catalogue: Awaited<ReturnType<typeof getLiveExerciseCatalogue>>) =>
      new Set(catalogue.exercises.filter((e) => e.kind === "ticket" && e.caseId.startsWith("bulk-case-")).map((e) => e.caseId));
    const first = inApp(await getLiveExerciseCatalogue("en", prisma));
    expect(first.size).toBe(100);
    expect(first.has(`bulk-case-${count - 1}`)).toBe(true);
    expect(first.has("bulk-case-0")).toBe(false);
    await expect.poll(async () => inApp(await getLiveExerciseCatalogue("en", prisma)).size, { timeout: 60_000, interval: 200 }).toBe(count);
    await prisma.$disconnect();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { createPrisma } from "@/lib/db";
import { NO_SYMPTOM, readInsights, type Insights } from "@/lib/insights/insights";
import { readConfirmedSessions } from "@/lib/sessions/confirmed";
import { buildContentKnowledge } from "@/lib/triage/knowledge";
import { replaySessions } from "@/lib/triage/replay";
import type { PrismaClient } from "@/generated/prisma/client";
import { backends, createMigratedDatabase } from "@/test/db/databases";
import { readReplayFixture } from "@/test/triage/replay/fixture";

import { CLICKED_QUERY, DRAFT_TITLE, NO_RESULT_QUERY, OPEN_FLAG_COMMENT, REUSED_CASE, seedInsights, UNCLICKED_QUERY } from "./seed";

const RESET = ENTRY_SYMPTOMS.find((s) => s.id === "refused-or-reset")?.label;

describe.each(backends)("insights on %s", (dialect) => {
  let prisma: PrismaClient;
  let insights: Insights;
  beforeAll(async () => {
    const url = await createMigratedDatabase(dialect);
    await seedInsights(url);
    prisma = createPrisma(url);
    insights = await readInsights(prisma);
  }, 120_000);
  afterAll(async () => {
    await prisma.$disconnect();
  });

  it("lists searches with no result, grouped across case and spacing, and searches with results but no click", () => {
    expect(insights.searches.logged).toBe(4);
    expect(insights.searches.noResult).toEqual([expect.objectContaining({ searches: 2, results: 0 })]);
    expect(insights.searches.noResult[0].query.trim().toLowerCase()).toBe(NO_RESULT_QUERY);
    expect(insights.searches.noClick.map((q) => q.query)).toEqual([UNCLICKED_QUERY]);
    expect(insights.searches.noClick[0].results).toBeGreaterThan(0);
    expect(JSON.stringify(insights.searches)).not.toContain(CLICKED_QUERY);
  });

  it("counts sessions closed without a cause and open ones left idle for a week, by entry symptom", () => {
    expect(insights.unconfirmed.sessions).toBe(2);
    expect(insights.unconfirmed.recent.map((s) => s.id)).toEqual(["endedclosed", "endedidle"]);
    expect(insights.unconfirmed.bySymptom).toEqual([
      { symptom: RESET, sessions: 1 },
      { symptom: NO_SYMPTOM, sessions: 1 },
    ]);
  });

  it("gives the first-guess accuracy that triage:replay gives, per cause and calibrated over every confirmed session", async () => {
    const fixture = readReplayFixture();
    const replay = replaySessions(await readConfirmedSessions(prisma), buildContentKnowledge);
    expect(insights.firstGuess.sessions).toBe(fixture.length);
    expect(insights.firstGuess.accuracy).toBe(replay.top1);
    expect(insights.firstGuess.perCause.reduce((sum, c) => sum + c.sessions, 0)).toBe(fixture.length);
    expect(insights.firstGuess.perCause.reduce((sum, c) => sum + c.firstGuessRight, 0)).toBe(Math.round(replay.top1 * fixture.length));
    expect(insights.firstGuess.calibration.reduce((sum, bin) => sum + bin.count, 0)).toBe(fixture.length);
    const causes = new Set(fixture.map((s) => s.confirmedCause));
    expect(new Set(insights.firstGuess.perCause.map((c) => c.cause))).toEqual(causes);
  });

  it("measures the time from each confirmed session's start to its confirmation", () => {
    const minutes = readReplayFixture()
      .map((s) => (Date.parse(s.confirmedAt) - Date.parse(s.createdAt)) / 60_000)
      .sort((a, b) => a - b);
    expect(insights.timeToConfirm.sessions).toBe(minutes.length);
    expect(insights.timeToConfirm.medianMinutes).toBe(Math.round(minutes[Math.floor(minutes.length / 2)]));
    expect(insights.timeToConfirm.buckets.reduce((sum, b) => sum + b.sessions, 0)).toBe(minutes.length);
    expect(insights.timeToConfirm.buckets[0]).toEqual({ label: "under 15 min", sessions: minutes.filter((m) => m < 15).length });
  });

  it("lists the most reused cases, the open flags and the cases in draft or in review", () => {
    expect(insights.library.mostReused.map((c) => [c.caseId, c.solved])).toEqual([
      [REUSED_CASE, 3],
      ["k8s-dns-5s-conntrack-dnat-race", 1],
    ]);
    expect(insights.library.mostReused[0].title).not.toBe(REUSED_CASE);
    expect(insights.library.openFlags.map((f) => [f.url, f.kind])).toEqual(
      expect.arrayContaining([
        [`/cases/${REUSED_CASE}`, "outdated"],
        ["/causes/mtu-mismatch", "unclear"],
      ]),
    );
    expect(insights.library.openFlags).toHaveLength(2);
    expect(insights.library.openFlags.find((f) => f.kind === "outdated")?.comment).toBe(OPEN_FLAG_COMMENT);
    expect(insights.library.drafts.map((d) => [d.title, d.status])).toEqual([
      ["NAT gateway reuses ports too soon", "in-review"],
      [DRAFT_TITLE, "draft"],
    ]);
  });
});

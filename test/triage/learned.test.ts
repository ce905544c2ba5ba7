import { describe, expect, it } from "vitest";

import { getContentLibrary } from "@/lib/content/library";
import { ROOT_CAUSE_IDS } from "@/lib/content/root-cause-ids";
import { getContentDir } from "@/lib/env";
import { diagnose } from "@/lib/triage/diagnose";
import { engineVersionOf } from "@/lib/triage/engine-version";
import { buildTriageKnowledge, getTriageKnowledge, labelledTexts } from "@/lib/triage/knowledge";
import {
  boundPerCause,
  MAX_LEARNED_PRIOR_PER_CAUSE,
  MAX_LEARNED_TEXTS_PER_CAUSE,
  NOTHING_LEARNED,
  type LearnedCase,
  type LearnedTicket,
} from "@/lib/triage/learned";
import { loadTrees } from "@/lib/triage/load-trees";
import { trainTextModel } from "@/lib/triage/text-model";

const library = getContentLibrary();
const trees = loadTrees(getContentDir());

/** A wording no case or cause page uses, confirmed `count` times as one cause. */
function sessions(count: number, cause: LearnedTicket["cause"]): LearnedTicket[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    cause,
    description: `Billing gateway quokkafrobnicator replies slowly after the zebrawidget rollout, ticket ${i}`,
    outputs: [],
  }));
}

/** Published in-app cases of one cause, `count` of them, in a wording no case or cause page uses. */
function inAppCases(count: number, cause: LearnedCase["cause"]): LearnedCase[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `in-app-${i}`,
    cause,
    text: `Wombatrelay pods lose replies after the numbatproxy upgrade\nCase ${i}: the wombatrelay answers arrive late.`,
  }));
}

describe("learning from confirmed sessions", () => {
  const plain = buildTriageKnowledge(library, trees);

  it("with nothing confirmed and no in-app case, is the repository's knowledge: documented priors, cases and text", () => {
    const empty = buildTriageKnowledge(library, trees, [], [], []);
    const counts = ROOT_CAUSE_IDS.map((id) => {
      const { confirmed, suspected } = library.casesForCause(id);
      return Math.sqrt(confirmed.length + 0.25 * suspected.length + 1);
    });
    const total = counts.reduce((a, b) => a + b, 0);
    expect([...empty.logPriors]).toEqual(ROOT_CAUSE_IDS.map((id, i) => [id, Math.log(counts[i] / total)]));
    expect([...empty.casesByCause]).toEqual(
      ROOT_CAUSE_IDS.map((id) => {
        const { confirmed, suspected } = library.casesForCause(id);
        return [id, [...confirmed, ...suspected].map((c) => c.id)];
      }),
    );
    expect(engineVersionOf({ ...empty, textModel: trainTextModel(labelledTexts(library, [])) })).toBe(engineVersionOf(empty));
    expect(getTriageKnowledge({ key: "sessions elsewhere", tickets: [], cases: [] })).toBe(getTriageKnowledge(NOTHING_LEARNED));
  });

  it("moves a cause up for wording its confirmed sessions share, and changes the engine version", () => {
    const ticket = { description: "The billing gateway quokkafrobnicator replies slowly since the zebrawidget rollout." };
    const rankOf = (knowledge: typeof plain) => diagnose(ticket, knowledge).rootCauses.findIndex((c) => c.id === "app-thread-pool-exhaustion");
    const learned = buildTriageKnowledge(library, trees, [], sessions(5, "app-thread-pool-exhaustion"));
    expect(rankOf(learned)).toBe(0);
    expect(rankOf(plain)).not.toBe(0);
    expect(engineVersionOf(learned)).not.toBe(engineVersionOf(plain));
  });

  it("bounds a burst of one cause: a thousand sessions raise its prior no more than the bound does", () => {
    const atBound = buildTriageKnowledge(library, trees, [], sessions(MAX_LEARNED_PRIOR_PER_CAUSE, "mtu-mismatch"));
    const burst = buildTriageKnowledge(library, trees, [], sessions(1000, "mtu-mismatch"));
    expect(burst.logPriors.get("mtu-mismatch")).toBeCloseTo(atBound.logPriors.get("mtu-mismatch") as number, 10);
    expect(burst.logPriors.get("mtu-mismatch")).toBeGreaterThan(plain.logPriors.get("mtu-mismatch") as number);
    const odds = (knowledge: typeof plain) => (knowledge.logPriors.get("mtu-mismatch") as number) - (knowledge.logPriors.get("firewall-drop") as number);
    expect(odds(burst) - odds(plain)).toBeLessThan(Math.log(Math.sqrt(MAX_LEARNED_PRIOR_PER_CAUSE + 1)) + 1e-9);
  });

  it("keeps the first sessions of each cause in the given order", () => {
    const mixed = [...sessions(3, "mtu-mismatch"), ...sessions(2, "firewall-drop")];
    expect(boundPerCause(mixed, 2).map((t) => `${t.cause}/${t.id}`)).toEqual(["mtu-mismatch/s0", "mtu-mismatch/s1", "firewall-drop/s0", "firewall-drop/s1"]);
  });
});

describe("learning from cases published in the app", () => {
  const plain = buildTriageKnowledge(library, trees);
  const ticket = { description: "Wombatrelay pods lose replies since the numbatproxy upgrade." };
  const rankOf = (knowledge: typeof plain) => diagnose(ticket, knowledge).rootCauses.findIndex((c) => c.id === "app-thread-pool-exhaustion");

  it("counts a published case in its cause's prior, lists it after the documented cases and learns its wording", () => {
    const [published] = inAppCases(1, "app-thread-pool-exhaustion");
    const knowledge = buildTriageKnowledge(library, trees, [], [], [published]);
    expect(knowledge.logPriors.get("app-thread-pool-exhaustion")).toBeGreaterThan(plain.logPriors.get("app-thread-pool-exhaustion") as number);
    expect(knowledge.casesByCause.get("app-thread-pool-exhaustion")).toEqual([
      ...library.casesForCause("app-thread-pool-exhaustion").confirmed.map((c) => c.id),
      published.id,
      ...library.casesForCause("app-thread-pool-exhaustion").suspected.map((c) => c.id),
    ]);
    expect(diagnose(ticket, knowledge).rootCauses.find((c) => c.id === "app-thread-pool-exhaustion")?.cases).toContain(published.id);
    expect(rankOf(plain)).not.toBe(0);
    expect(rankOf(buildTriageKnowledge(library, trees, [], [], inAppCases(3, "app-thread-pool-exhaustion")))).toBe(0);
    expect(engineVersionOf(knowledge)).not.toBe(engineVersionOf(plain));
  });

  it("bounds 10,000 in-app cases of one cause: the prior moves no more than the bound allows, and at most the bound's cases are listed", () => {
    const atBound = buildTriageKnowledge(library, trees, [], [], inAppCases(MAX_LEARNED_PRIOR_PER_CAUSE, "mtu-mismatch"));
    const flood = buildTriageKnowledge(library, trees, [], [], inAppCases(10_000, "mtu-mismatch"));
    expect(flood.logPriors.get("mtu-mismatch")).toBeCloseTo(atBound.logPriors.get("mtu-mismatch") as number, 10);
    const odds = (knowledge: typeof plain) => (knowledge.logPriors.get("mtu-mismatch") as number) - (knowledge.logPriors.get("firewall-drop") as number);
    expect(odds(flood) - odds(plain)).toBeLessThan(Math.log(Math.sqrt(MAX_LEARNED_PRIOR_PER_CAUSE + 1)) + 1e-9);
    const documented = plain.casesByCause.get("mtu-mismatch")?.length ?? 0;
    expect(flood.casesByCause.get("mtu-mismatch")?.length).toBe(documented + MAX_LEARNED_TEXTS_PER_CAUSE);
    expect(flood.casesByCause.get("mtu-mismatch")).toContain("in-app-0");
    expect(flood.casesByCause.get("mtu-mismatch")).not.toContain(`in-app-${MAX_LEARNED_TEXTS_PER_CAUSE}`);
  });
});

import { describe, expect, it } from "vitest";

import { getContentLibrary } from "@/lib/content/library";
import { getContentDir } from "@/lib/env";
import { diagnose } from "@/lib/triage/diagnose";
import { engineVersionOf } from "@/lib/triage/engine-version";
import { buildTriageKnowledge } from "@/lib/triage/knowledge";
import { boundPerCause, MAX_LEARNED_PRIOR_PER_CAUSE, type LearnedTicket } from "@/lib/triage/learned";
import { loadTrees } from "@/lib/triage/load-trees";

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

describe("learning from confirmed sessions", () => {
  const plain = buildTriageKnowledge(library, trees);

  it("leaves the knowledge and its version as they are when nothing is confirmed", () => {
    const again = buildTriageKnowledge(library, trees, [], []);
    expect([...again.logPriors]).toEqual([...plain.logPriors]);
    expect(engineVersionOf(again)).toBe(engineVersionOf(plain));
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

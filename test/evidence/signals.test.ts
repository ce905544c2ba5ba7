// Every signal is defined once and completely; every cause can be told by strong evidence.
import { describe, expect, it } from "vitest";

import { ROOT_CAUSE_IDS } from "@/lib/content/root-cause-ids";
import { PARSERS } from "@/lib/evidence/parsers";
import { definitionOf, groupOf, SIGNAL_IDS, weightOf, type SignalId } from "@/lib/evidence/signals";

import { knowledge } from "../triage/case-fixtures";

/** A weight from this value up is "typical of the cause". */
const STRONG = 1.5;

const answeredBy = new Set<string>(
  knowledge.trees.flatMap((tree) => tree.nodes.flatMap((node) => (node.kind === "question" ? node.answers.flatMap((a) => a.signals) : []))),
);

describe("signal definitions", () => {
  it.each(SIGNAL_IDS)("%s has a meaning in both languages, a way to be detected and a weight", (id) => {
    const definition = definitionOf(id);
    expect(definition.meaning.en.trim()).not.toBe("");
    expect(definition.meaning.zh).toMatch(/[\u4e00-\u9fff]/);
    const detected = (definition.parsers?.length ?? 0) > 0 || definition.text !== undefined || definition.derived === true || answeredBy.has(id);
    expect(detected, `${id} is never detected`).toBe(true);
    expect(Object.keys(definition.weights).length, `${id} weighs no cause`).toBeGreaterThan(0);
  });

  it("lists in each definition exactly the parsers that emit the signal", () => {
    for (const id of SIGNAL_IDS) {
      const emitters = PARSERS.filter((parser) => parser.produces.includes(id))
        .map((parser) => parser.id)
        .sort();
      expect([...(definitionOf(id).parsers ?? [])].sort(), id).toEqual(emitters);
    }
  });

  // Causes that real reports show mostly in words, named here until they gain strong evidence of their own.
  const FEWER_THAN_THREE = ["client-timeout-active-close", "lb-session-conflict"];

  it("gives every cause at least three independent strong signals, or names it", () => {
    const lacking: string[] = [];
    const lines: string[] = [];
    for (const cause of ROOT_CAUSE_IDS) {
      const strong = SIGNAL_IDS.filter((id) => weightOf(id, cause) >= STRONG);
      const groups = new Map<string, SignalId[]>();
      for (const id of strong) groups.set(groupOf(id), [...(groups.get(groupOf(id)) ?? []), id]);
      lines.push(`${cause} (${groups.size}): ${[...groups.values()].map((ids) => ids.map((id) => `${id} ${weightOf(id, cause)}`).join(" = ")).join(", ")}`);
      if (groups.size < 3) lacking.push(cause);
    }
    console.log(`strong evidence (weight >= ${STRONG}) per cause:\n${lines.join("\n")}`);
    console.log(`fewer than three: ${lacking.join(", ") || "none"}`);
    expect(lacking.sort(), "causes with fewer than three independent strong signals").toEqual(FEWER_THAN_THREE);
  });
});

import { describe, expect, it } from "vitest";

import { getParser } from "@/lib/evidence/parsers";
import { diagnose } from "@/lib/triage/diagnose";
import { isSignalId, weightOf } from "@/lib/evidence/signals";
import type { QuestionNode, TreeNode } from "@/lib/triage/tree-schema";
import { SYMPTOM_QUESTION } from "@/lib/triage/next-step";
import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";

import { knowledge, resolvedCaseFixtures, type CaseFixture } from "./case-fixtures";

const MAX_STEPS = 12;
const nodes = new Map<string, TreeNode>(knowledge.trees.flatMap((t) => t.nodes.map((n) => [n.id, n] as const)));
nodes.set(SYMPTOM_QUESTION.id, SYMPTOM_QUESTION);

/** The oracle answers as the case's facts would: the answer whose signals best fit the true cause. */
function oracleAnswer(question: QuestionNode, fixture: CaseFixture): string {
  if (question.id === SYMPTOM_QUESTION.id) {
    return ENTRY_SYMPTOMS.find((s) => s.causes.includes(fixture.cause))?.id ?? "skip";
  }
  const fit = (signals: string[]) => signals.reduce((sum, s) => sum + (isSignalId(s) ? weightOf(s, fixture.cause) : 0), 0);
  const best = [...question.answers].sort((a, b) => fit(b.signals) - fit(a.signals))[0];
  return fit(best.signals) > 0 ? best.value : (question.answers.find((a) => a.signals.length === 0)?.value ?? "skip");
}

/** Steps until the true cause ranks first, starting from the reporter's words (the Issue section) alone. */
function interview(fixture: CaseFixture): number {
  const answers: Record<string, string> = {};
  const outputs: { command?: string; text: string }[] = [];
  for (let step = 0; step <= MAX_STEPS; step++) {
    const result = diagnose({ description: fixture.issue, outputs, answers }, knowledge);
    if (result.rootCauses[0].id === fixture.cause) return step;
    const next = result.next;
    const node = nodes.get(next.id);
    if (!node || node.kind === "leaf") return MAX_STEPS + 1;
    if (node.kind === "question") answers[node.id] = oracleAnswer(node, fixture);
    else {
      const parser = getParser(node.parser);
      const output = fixture.outputs.find((o) => parser && parser.parse(o.text, { kind: "output", index: 0 }).length > 0);
      if (output) outputs.push({ command: node.command.default, text: output.text });
      else answers[node.id] = "skip";
    }
  }
  return MAX_STEPS + 1;
}

describe("simulated interview", () => {
  it("reaches the true cause in a median of 4 steps or fewer", () => {
    const steps = resolvedCaseFixtures().map(interview);
    const sorted = [...steps].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const reached = steps.filter((s) => s <= MAX_STEPS).length;
    console.log(`simulated interview: median ${median} steps, ${reached}/${steps.length} reached the cause within ${MAX_STEPS}`);
    expect(median).toBeLessThanOrEqual(4);
  });
});

import type { TriageKnowledge } from "./knowledge";
import { SYMPTOM_QUESTION } from "./next-step";
import { confirmQuestionId, NOT_YET, WALK_QUESTIONS } from "./walk-questions";

/** What the wizard shows for an answered step: its text and its possible answers. */
export type StepSummary = { kind: "question" | "command"; text: string; answers: { value: string; label: string }[] };

const VERDICTS = [
  { value: "yes", label: "Yes, confirmed" },
  { value: "no", label: "No, ruled out" },
  { value: NOT_YET, label: "No, not on circumstance alone" },
];

/** Every question and command step by id, for listing and changing earlier answers, rejections included. */
export function buildStepCatalog(knowledge: TriageKnowledge): Record<string, StepSummary> {
  const catalog: Record<string, StepSummary> = {};
  for (const node of [SYMPTOM_QUESTION, ...WALK_QUESTIONS, ...knowledge.trees.flatMap((t) => t.nodes)]) {
    if (node.kind === "leaf" || catalog[node.id]) continue;
    catalog[node.id] =
      node.kind === "question"
        ? { kind: "question", text: node.text, answers: node.answers.map(({ value, label }) => ({ value, label })) }
        : { kind: "command", text: node.title, answers: [] };
  }
  for (const cause of knowledge.causes) catalog[confirmQuestionId(cause.id)] = { kind: "question", text: `Is it ${cause.title}?`, answers: VERDICTS };
  return catalog;
}

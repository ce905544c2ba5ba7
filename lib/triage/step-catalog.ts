import type { TriageKnowledge } from "./knowledge";
import type { Lang } from "./language";
import { knowledgeIn, localizeNode } from "./localize";
import { SYMPTOM_QUESTION } from "./next-step";
import { confirmQuestionId, NOT_YET, WALK_QUESTIONS } from "./walk-questions";
import { WORDS } from "./words";

/** What the wizard shows for an answered step: its text and its possible answers. */
export type StepSummary = { kind: "question" | "command"; text: string; answers: { value: string; label: string }[] };

/** Every question and command step by id, for listing and changing earlier answers, rejections included; texts in `lang`. */
export function buildStepCatalog(knowledge: TriageKnowledge, lang: Lang = "en"): Record<string, StepSummary> {
  const words = WORDS[lang];
  const local = knowledgeIn(knowledge, lang);
  const verdicts = [
    { value: "yes", label: words.verdicts.yes },
    { value: "no", label: words.verdicts.no },
    { value: NOT_YET, label: words.verdicts.notYet },
  ];
  const catalog: Record<string, StepSummary> = {};
  for (const builtIn of [SYMPTOM_QUESTION, ...WALK_QUESTIONS, ...local.trees.flatMap((t) => t.nodes)]) {
    const node = localizeNode(builtIn, lang);
    if (node.kind === "leaf" || catalog[node.id]) continue;
    catalog[node.id] =
      node.kind === "question"
        ? { kind: "question", text: node.text, answers: node.answers.map(({ value, label }) => ({ value, label })) }
        : { kind: "command", text: node.title, answers: [] };
  }
  for (const cause of local.causes) catalog[confirmQuestionId(cause.id)] = { kind: "question", text: words.isIt(cause.title), answers: verdicts };
  return catalog;
}

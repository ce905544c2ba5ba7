import type { RootCauseId } from "../content/root-cause-ids";
import { ENTRY_SYMPTOMS } from "../content/entry-symptoms";
import { extractEvidence } from "../evidence/extract";
import { FieldError } from "../field-error";
import { makeSignal, type Signal } from "../evidence/signal";
import { deriveSignals } from "../evidence/derive";
import type { DiagnoseInput } from "./diagnose-schema";
import type { TriageKnowledge } from "./knowledge";
import {
  chooseNextStep,
  commandKeyOf,
  CONFIRM_QUESTION_ID,
  currentNodeOf,
  SKIP_ANSWER,
  SYMPTOM_QUESTION,
  SYMPTOM_QUESTION_ID,
  type NextStep,
  type PathContext,
} from "./next-step";
import { confidenceOf, type Confidence } from "./calibration";
import { ticketText } from "./tickets";
import { rankRootCauses, type CauseBoost, type RankedCause } from "./rank";
import type { QuestionNode, TreeNode } from "./tree-schema";

export type DiagnoseResult = {
  rootCauses: RankedCause[];
  /** How well the leading cause is supported: see CONFIDENCE_THRESHOLDS. */
  confidence: Confidence;
  next: NextStep;
  signals: Signal[];
};

/** A bad answer: names the field as `answers.<questionId>`. */
export class AnswerError extends FieldError {}

/** How many causes the result lists. */
export const RESULT_SIZE = 10;
/** Log-odds added to the causes of an explicitly chosen entry symptom. */
const SYMPTOM_BOOST = 0.7;
/** Log-odds added to the causes named by a tree leaf the path has reached. */
const LEAF_BOOST = 0.7;

/**
 * Diagnoses a ticket: extracts evidence from its text, pasted outputs and answers, ranks every
 * root cause, and proposes the next step. Pure; throws AnswerError for an unknown question or answer.
 */
export function diagnose(input: DiagnoseInput, knowledge: TriageKnowledge): DiagnoseResult {
  const answers = input.answers ?? {};
  const nodes = indexNodes(knowledge);
  const answerSignals = signalsFromAnswers(answers, nodes);
  const observed = [...extractEvidence(input), ...answerSignals];
  // Answers can complete a combination the pasted evidence began.
  const signals = [...observed, ...deriveSignals(observed)];

  const outputs = input.outputs ?? [];
  const context: PathContext = {
    trees: knowledge.trees,
    signals,
    answers,
    parsersRun: new Set(signals.filter((s) => s.source.kind === "output").map((s) => s.parser)),
    commandsRun: new Set(outputs.flatMap((o) => (o.command ? [commandKeyOf(o.command)] : []))),
  };

  const boosts = [...symptomBoosts(answers), ...leafBoosts(context)];
  const ranked = rankRootCauses(signals, knowledge, boosts, ticketText({ description: input.description, outputs }));
  const next = chooseNextStep({ ...context, ranked });
  return { rootCauses: ranked.slice(0, RESULT_SIZE), confidence: confidenceOf(ranked[0]?.score ?? 0), next, signals };
}

const nodeIndexes = new WeakMap<TriageKnowledge, Map<string, TreeNode>>();

/** Every question and step by id, built once per knowledge. */
function indexNodes(knowledge: TriageKnowledge): Map<string, TreeNode> {
  let nodes = nodeIndexes.get(knowledge);
  if (!nodes) {
    nodes = new Map<string, TreeNode>([[SYMPTOM_QUESTION_ID, SYMPTOM_QUESTION]]);
    for (const tree of knowledge.trees) for (const node of tree.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
    nodeIndexes.set(knowledge, nodes);
  }
  return nodes;
}

/** Turns answers into signals; validates that each names a known step and one of its answers. */
export function signalsFromAnswers(answers: Record<string, string>, nodes: Map<string, TreeNode>): Signal[] {
  const signals: Signal[] = [];
  for (const [id, value] of Object.entries(answers)) {
    if (id === CONFIRM_QUESTION_ID) continue;
    const node = nodes.get(id);
    if (!node || node.kind === "leaf") throw new AnswerError(`answers.${id}`, `unknown question or step "${id}"`);
    if (value === SKIP_ANSWER) continue;
    if (node.kind === "command") throw new AnswerError(`answers.${id}`, `a command step takes only "${SKIP_ANSWER}"; paste its output in outputs`);
    const answer = node.answers.find((a) => a.value === value);
    if (!answer) {
      const allowed = [...node.answers.map((a) => a.value), SKIP_ANSWER].join(", ");
      throw new AnswerError(`answers.${id}`, `"${value}" is not an answer to "${id}" (expected one of: ${allowed})`);
    }
    for (const signalId of answer.signals) {
      signals.push(makeSignal(signalId, "answer", `${(node as QuestionNode).text} ${answer.label}`, 0, { kind: "answer", questionId: id }));
    }
  }
  return signals;
}

function symptomBoosts(answers: Record<string, string>): CauseBoost[] {
  const symptom = ENTRY_SYMPTOMS.find((s) => s.id === answers[SYMPTOM_QUESTION_ID]);
  if (!symptom) return [];
  return symptom.causes.map((cause) => ({ cause, weight: SYMPTOM_BOOST, reason: `Entry symptom: ${symptom.label}` }));
}

function leafBoosts(context: PathContext): CauseBoost[] {
  const observed = new Set(context.signals.map((s) => s.id));
  const boosts: CauseBoost[] = [];
  const seen = new Set<RootCauseId>();
  for (const tree of context.trees) {
    const node = currentNodeOf(tree, context, observed);
    if (node?.kind !== "leaf" || !hasTreeProgress(tree.nodes, context)) continue;
    for (const cause of node.causes) {
      if (seen.has(cause)) continue;
      seen.add(cause);
      boosts.push({ cause, weight: LEAF_BOOST, reason: `Reached the end of the "${tree.title}" path${node.note ? `: ${node.note}` : ""}` });
    }
  }
  return boosts;
}

/** A path counts only when the engineer answered or ran something in that tree. */
function hasTreeProgress(nodes: TreeNode[], context: PathContext): boolean {
  return nodes.some((n) => context.answers[n.id] !== undefined || (n.kind === "command" && context.parsersRun.has(n.parser)));
}

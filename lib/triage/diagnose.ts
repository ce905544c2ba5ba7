import { ENTRY_SYMPTOMS } from "../content/entry-symptoms";
import { symptomLabel } from "../content/localized";
import type { RootCauseId } from "../content/root-cause-ids";
import { deriveSignals } from "../evidence/derive";
import { extractEvidence } from "../evidence/extract";
import { makeSignal, type Signal } from "../evidence/signal";
import { FieldError } from "../field-error";
import { confidenceOf, type Confidence } from "./calibration";
import { decisiveEvidence, showsRise } from "./decisive";
import type { DiagnoseInput } from "./diagnose-schema";
import { engineVersionOf } from "./engine-version";
import { readFacts, type EnvironmentFacts } from "./facts";
import { fillCommandFromTicket } from "./fill-command";
import { inferAnswer, type InferredAnswer } from "./inferred-answers";
import type { TriageKnowledge } from "./knowledge";
import { languageOf, type Lang } from "./language";
import { knowledgeIn } from "./localize";
import {
  chooseNextStep,
  commandKeyOf,
  CONFIRM_QUESTION_ID,
  currentNodeOf,
  indexNodes,
  relevantTrees,
  SKIP_ANSWER,
  SYMPTOM_QUESTION_ID,
  walkQuestionsIn,
  type NextStep,
  type PathContext,
} from "./next-step";
import { likelihoodWord } from "./plain-words";
import { checkPreconditions, type PreconditionResult } from "./preconditions";
import { rankRootCauses, type CauseBoost, type RankedCause } from "./rank";
import { similarCasesRequest, type SimilarCasesRequest } from "./similar-cases";
import { ticketText } from "./tickets";
import type { QuestionNode, TreeNode } from "./tree-schema";
import { ANOTHER_SYMPTOM_ID, causeOfConfirmId, NOT_YET, verdictsOf } from "./walk-questions";
import { observationOf, WORDS } from "./words";

/** A ranked cause as the walk shows it: with a word for its likelihood, its preconditions and what decides it. */
export type WalkedCause = RankedCause & {
  /** "almost certain", "likely", "possible", "less likely", "unlikely". */
  likelihood: string;
  preconditions: PreconditionResult[];
  /** Observations that show this cause directly (see decisive.ts); empty when only circumstance supports it. */
  decisive: string[];
};

/** A cause out of the running, and why: the engineer said no, or a precondition fails. */
export type RuledOutCause = { id: RootCauseId; title: string; reason: string; by: "engineer" | "precondition" };

export type DiagnoseResult = {
  /** The language every text of the result is written in: the request's, else the description's. */
  lang: Lang;
  rootCauses: WalkedCause[];
  next: NextStep;
  signals: Signal[];
  /** How well the leading cause is supported: see CONFIDENCE_THRESHOLDS. */
  confidence: Confidence;
  ruledOut: RuledOutCause[];
  /** Answers the ticket or its outputs already give, for the questions on the relevant paths. */
  inferredAnswers: InferredAnswer[];
  facts: EnvironmentFacts;
  /** The search for similar past cases, from what the engine read. */
  similar: SimilarCasesRequest;
  /** Which engine gave this result (see engine-version.ts); the wizard stores it with what it showed. */
  engineVersion: string;
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
 * root cause, rules out the rejected ones and those whose preconditions fail, and proposes the
 * next step, every text in the request's language (else the description's); the language changes
 * no score. Pure; throws AnswerError for an unknown question or answer.
 */
export function diagnose(input: DiagnoseInput, baseKnowledge: TriageKnowledge): DiagnoseResult {
  const lang = input.lang ?? languageOf(input.description);
  const words = WORDS[lang];
  const knowledge = knowledgeIn(baseKnowledge, lang);
  const answers = input.answers ?? {};
  const nodes = indexNodes(knowledge.trees, lang);
  const answerSignals = signalsFromAnswers(answers, nodes);
  const observed = [...extractEvidence(input), ...answerSignals];
  // Answers can complete a combination the pasted evidence began.
  const signals = [...observed, ...deriveSignals(observed)];
  const outputs = input.outputs ?? [];
  const facts = readFacts({ description: input.description, outputs, answers }, signals, lang);
  const observedIds = new Set(signals.map((s) => s.id));

  const inferred = new Map<string, InferredAnswer | undefined>();
  const infer = (question: QuestionNode) => {
    if (!inferred.has(question.id)) inferred.set(question.id, inferAnswer(question, signals, input.description, facts, lang));
    return inferred.get(question.id);
  };
  const outputSignals = signals.filter((s) => s.source.kind === "output");
  const context: PathContext = {
    trees: knowledge.trees,
    signals,
    answers,
    parsersRun: new Set(outputSignals.map((s) => s.parser)),
    snapshotOnly: new Set(outputSignals.filter((s) => !outputSignals.some((o) => o.parser === s.parser && showsRise(o, signals))).map((s) => s.parser)),
    commandsRun: new Set(outputs.flatMap((o) => (o.command ? [commandKeyOf(o.command)] : []))),
    skippedParsers: new Set(
      Object.entries(answers).flatMap(([id, value]) => {
        const node = nodes.get(id);
        return value === SKIP_ANSWER && node?.kind === "command" ? [node.parser] : [];
      }),
    ),
    infer,
  };

  const boosts = [...symptomBoosts(answers, lang), ...leafBoosts(context, lang)];
  const { rejected, notYet, confirmed } = verdictsOf(answers);
  const preconditions = new Map<RootCauseId, PreconditionResult[]>();
  const preconditionsOf = (cause: RootCauseId) => {
    if (!preconditions.has(cause)) preconditions.set(cause, checkPreconditions(cause, facts, observedIds, lang));
    return preconditions.get(cause) ?? [];
  };

  const ranked = rankRootCauses(signals, knowledge, boosts, ticketText({ description: input.description, outputs }), lang);
  const ruledOut: RuledOutCause[] = [];
  for (const cause of ranked) {
    if (cause.id === confirmed) continue;
    if (rejected.has(cause.id)) {
      ruledOut.push({ id: cause.id, title: cause.title, reason: words.youRuledItOut, by: "engineer" });
      continue;
    }
    if (notYet.has(cause.id) && decisiveEvidence(cause.id, signals).length === 0) {
      ruledOut.push({ id: cause.id, title: cause.title, reason: words.notOnCircumstance, by: "engineer" });
      continue;
    }
    const failed = preconditionsOf(cause.id).find((p) => p.state === "contradicted");
    if (failed) ruledOut.push({ id: cause.id, title: cause.title, reason: words.needsBut(failed.label, failed.reason), by: "precondition" });
  }
  const out = new Set(ruledOut.map((c) => c.id));
  const remaining = renormalise(ranked.filter((c) => !out.has(c.id)));
  const confirmedCause = confirmed ? ranked.find((c) => c.id === confirmed) : undefined;

  const chosen = chooseNextStep({
    ...context,
    lang,
    ranked: remaining,
    facts,
    preconditionsOf,
    nodes,
    ...(confirmedCause ? { confirmed: { id: confirmedCause.id, title: confirmedCause.title } } : {}),
    fixOf: (cause) => knowledge.fixes?.get(cause),
  });
  const next = chosen.command ? { ...chosen, filled: fillCommandFromTicket(chosen.command, { description: input.description, outputs }) } : chosen;

  const inferredAnswers = [...relevantTrees({ trees: knowledge.trees, answers, ranked: remaining }).flatMap((t) => t.nodes), ...walkQuestionsIn(lang)]
    .flatMap((node) => (node.kind === "question" && answers[node.id] === undefined ? [infer(node)] : []))
    .filter((a, i, all): a is InferredAnswer => a !== undefined && all.findIndex((b) => b?.questionId === a.questionId) === i);

  const rootCauses = remaining.slice(0, RESULT_SIZE).map((cause) => ({
    ...cause,
    likelihood: likelihoodWord(cause.score, lang),
    preconditions: preconditionsOf(cause.id),
    decisive: decisiveEvidence(cause.id, signals).map((s) => observationOf(s, lang)),
  }));
  const similar = similarCasesRequest(input.description, { signals, rootCauses });
  const engineVersion = engineVersionOf(knowledge);
  return { rootCauses, next, signals, confidence: confidenceOf(rootCauses[0]?.score ?? 0), ruledOut, inferredAnswers, facts, similar, engineVersion, lang };
}

/** Probabilities of the causes still in play, summing to one again. */
function renormalise(causes: RankedCause[]): RankedCause[] {
  const total = causes.reduce((sum, c) => sum + c.score, 0);
  return total > 0 ? causes.map((c) => ({ ...c, score: c.score / total })) : causes;
}

/** Turns answers into signals; validates that each names a known step and one of its answers. */
export function signalsFromAnswers(answers: Record<string, string>, nodes: Map<string, TreeNode>): Signal[] {
  const signals: Signal[] = [];
  for (const [id, value] of Object.entries(answers)) {
    if (id === CONFIRM_QUESTION_ID) continue;
    if (causeOfConfirmId(id)) {
      if (!["yes", "no", NOT_YET, SKIP_ANSWER].includes(value))
        throw new AnswerError(`answers.${id}`, `"${value}" is not an answer to "${id}" (expected one of: yes, no, ${NOT_YET}, ${SKIP_ANSWER})`);
      continue;
    }
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
      signals.push(makeSignal(signalId, "answer", `${node.text} ${answer.label}`, 0, { kind: "answer", questionId: id }));
    }
  }
  return signals;
}

function symptomBoosts(answers: Record<string, string>, lang: Lang): CauseBoost[] {
  const boosts: CauseBoost[] = [];
  for (const id of [SYMPTOM_QUESTION_ID, ANOTHER_SYMPTOM_ID]) {
    const symptom = ENTRY_SYMPTOMS.find((s) => s.id === answers[id]);
    if (!symptom) continue;
    const reason = WORDS[lang].entrySymptom(symptomLabel(symptom, lang));
    for (const cause of symptom.causes) boosts.push({ cause, weight: SYMPTOM_BOOST, reason });
  }
  return boosts;
}

function leafBoosts(context: PathContext, lang: Lang): CauseBoost[] {
  const boosts: CauseBoost[] = [];
  const seen = new Set<RootCauseId>();
  for (const tree of context.trees) {
    const node = currentNodeOf(tree, context);
    if (node?.kind !== "leaf" || !hasTreeProgress(tree.nodes, context)) continue;
    for (const cause of node.causes) {
      if (seen.has(cause)) continue;
      seen.add(cause);
      boosts.push({ cause, weight: LEAF_BOOST, reason: WORDS[lang].reachedPathEnd(tree.title, node.note) });
    }
  }
  return boosts;
}

/** A path counts only when the engineer answered or ran something in that tree. */
function hasTreeProgress(nodes: TreeNode[], context: PathContext): boolean {
  return nodes.some((n) => context.answers[n.id] !== undefined || (n.kind === "command" && context.parsersRun.has(n.parser)));
}

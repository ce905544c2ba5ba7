import { ENTRY_SYMPTOMS } from "../content/entry-symptoms";
import type { RootCauseId } from "../content/root-cause-ids";
import type { Signal } from "../evidence/signal";
import { weightOf, type SignalId } from "../evidence/signals";
import { canDecide, decisiveEvidence } from "./decisive";
import type { EnvironmentFacts } from "./facts";
import type { FilledCommand } from "./fill-command";
import type { InferredAnswer } from "./inferred-answers";
import { LANGS, type Lang } from "./language";
import { localizeNode } from "./localize";
import { PARSER_SIGNALS } from "./parser-signals";
import { commandOutcomes, likelihoodWord, questionOutcomes, takesTwoSnapshots } from "./plain-words";
import type { PreconditionResult } from "./preconditions";
import type { RankedCause } from "./rank";
import type { CommandNode, QuestionNode, Tree, TreeNode } from "./tree-schema";
import {
  ANOTHER_SYMPTOM_ID,
  ANOTHER_SYMPTOM_QUESTION,
  confirmQuestionId,
  NOT_YET,
  WALK_QUESTIONS,
  WHAT_CHANGED_ID,
  WHAT_CHANGED_QUESTION,
} from "./walk-questions";
import { observationOf, WORDS, type Words } from "./words";

export const SYMPTOM_QUESTION_ID = "symptom";
/** The confirm question of older sessions ("no" meant "keep looking"); still accepted. */
export const CONFIRM_QUESTION_ID = "confirm-cause";
/** Answer value meaning "I can't run this / don't know": the step is skipped. */
export const SKIP_ANSWER = "skip";

/** Why a step is proposed: to tell causes apart, to settle a precondition, to make the leader decisive, ... */
export type StepPurpose = "symptom" | "separate" | "precondition" | "decide" | "confirm" | "widen" | "fix";

export type NextStep = {
  kind: "question" | "command" | "fix";
  id: string;
  text: string;
  command?: string;
  commands?: Record<string, string>;
  /** Location id (client, server, both-ends, ...); `whereText` says it in words. */
  where?: string;
  whereText?: string;
  lookFor?: string;
  parser?: string;
  answers?: { value: string; label: string }[];
  /** Why this step, in plain words. */
  why: string;
  /** What each outcome would mean, one sentence each. */
  outcomes?: string[];
  purpose: StepPurpose;
  /** Expected information gain over the leading causes, in bits (for tools and tests, not for people). */
  gain?: number;
  /** The cause a confirm question asks about; answering "yes" confirms it. */
  confirms?: RootCauseId;
  /** For a fix step: the fix (Markdown, from the cause page) and how to verify it worked. */
  fix?: string;
  verify?: string[];
  /** The command with the placeholders the ticket and its outputs fill (see fill-command.ts). */
  filled?: FilledCommand;
  tree?: string;
};

/** The first question when nothing is known yet: which symptom the ticket starts from. */
export const SYMPTOM_QUESTION: QuestionNode = {
  kind: "question",
  id: SYMPTOM_QUESTION_ID,
  text: "What does the ticket describe?",
  cost: 1,
  textZh: "工单描述的是哪一类问题？",
  answers: ENTRY_SYMPTOMS.map((s) => ({ value: s.id, label: s.label, labelZh: s.labelZh, signals: [], next: s.id })),
};

/** The walk's own questions (the symptom question, then WALK_QUESTIONS) with their texts in each language, localised once. */
const BUILT_IN_QUESTIONS = Object.fromEntries(LANGS.map((lang) => [lang, [SYMPTOM_QUESTION, ...WALK_QUESTIONS].map((q) => localizeNode(q, lang))])) as Record<
  Lang,
  QuestionNode[]
>;

/** A question in `lang`: the walk's own (SYMPTOM_QUESTION, WALK_QUESTIONS) come localised already. */
export function builtInQuestion(question: QuestionNode, lang: Lang): QuestionNode {
  return BUILT_IN_QUESTIONS[lang].find((q) => q.id === question.id) ?? localizeNode(question, lang);
}

/** WALK_QUESTIONS in `lang`. */
export const walkQuestionsIn = (lang: Lang): QuestionNode[] => BUILT_IN_QUESTIONS[lang].slice(1);

/** How many leading causes a step is judged on. */
const LEADING = 6;
/** Base log-odds of a parser emitting a signal unrelated to the cause (about 18%). */
const SIGNAL_BASE_LOGIT = -1.5;
/** Preference for the step the current tree path points at. */
const PATH_BONUS = 1.3;
/** Below this many bits a step tells the leading causes nothing. */
export const MIN_GAIN = 0.01;
/** From this probability on the leading cause is "likely": the walk works towards confirming it. */
export const LIKELY = 0.5;
/**
 * Gains are judged on probabilities raised to this power: scores built from circumstance are
 * overconfident, and a step that can overturn a 99% leader still tells something.
 */
const TEMPER = 0.35;

/** What a walk along the trees needs: the trees and what was answered, observed, inferred and run. */
export type PathContext = {
  trees: Tree[];
  signals: Signal[];
  answers: Record<string, string>;
  /** Parser ids that already read a pasted output. */
  parsersRun: Set<string>;
  /** Parser ids whose pasted outputs held single counter snapshots only (no rise seen). */
  snapshotOnly: Set<string>;
  /** Command lines already pasted (normalised). */
  commandsRun: Set<string>;
  /** Parsers of commands the engineer could not run: other commands read by them are not proposed either. */
  skippedParsers: Set<string>;
  /** The answer the evidence gives to a question, if any. */
  infer: (question: QuestionNode) => InferredAnswer | undefined;
};

export type StepContext = PathContext & {
  /** The language every text of the step is written in. */
  lang: Lang;
  /** Causes still in play (rejected and contradicted ones removed), best first. */
  ranked: RankedCause[];
  facts: EnvironmentFacts;
  preconditionsOf: (cause: RootCauseId) => PreconditionResult[];
  confirmed?: { id: RootCauseId; title: string };
  fixOf?: (cause: RootCauseId) => string | undefined;
  /** Every question and command by id, trees' and built-in. */
  nodes: Map<string, TreeNode>;
};

/** Entropy in bits of a distribution that may not sum to one. */
function entropy(weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  return -weights.reduce((h, w) => (w > 0 ? h + (w / total) * Math.log2(w / total) : h), 0);
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Expected entropy drop over the leading causes from learning which outcome holds. */
function expectedGain(weights: number[], likelihoods: number[][]): number {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const prior = weights.map((w) => w / total);
  const before = entropy(prior);
  let after = 0;
  for (const outcome of likelihoods) {
    const joint = prior.map((p, i) => p * outcome[i]);
    const mass = joint.reduce((a, b) => a + b, 0);
    if (mass > 0) after += mass * entropy(joint);
  }
  return Math.max(0, before - after);
}

/** Gain of a question: its answers partition the causes by the likelihood of their signals. */
export function questionGain(node: QuestionNode, leading: RankedCause[]): number {
  const prior = leading.map((c) => c.score);
  const raw = node.answers.map((a) => leading.map((c) => Math.exp(a.signals.reduce((sum, s) => sum + weightOf(s, c.id), 0))));
  const perCauseTotal = leading.map((_, i) => raw.reduce((sum, row) => sum + row[i], 0));
  const likelihoods = raw.map((row) => row.map((v, i) => v / perCauseTotal[i]));
  return expectedGain(prior, likelihoods);
}

/** Gain of a command: each signal its parser can emit is an observed / not observed outcome. */
export function commandGain(node: CommandNode, leading: RankedCause[], alreadySeen: Set<SignalId>): number {
  const prior = leading.map((c) => c.score);
  const cap = entropy(prior);
  let total = 0;
  for (const signal of PARSER_SIGNALS[node.parser] ?? []) {
    if (alreadySeen.has(signal) || !leading.some((c) => weightOf(signal, c.id) !== 0)) continue;
    const seen = leading.map((c) => sigmoid(weightOf(signal, c.id) + SIGNAL_BASE_LOGIT));
    total += expectedGain(prior, [seen, seen.map((p) => 1 - p)]);
  }
  return Math.min(total, cap);
}

/** A question is settled when answered, or when evidence already shows one of its answers. */
export function impliedAnswer(node: QuestionNode, observed: Set<SignalId>): string | undefined {
  return node.answers.find((a) => a.signals.length > 0 && a.signals.some((s) => observed.has(s)))?.value;
}

function normaliseCommand(command: string): string {
  return command.trim().split(/\s+/).slice(0, 2).join(" ").toLowerCase();
}

export function commandKeyOf(command: string): string {
  return normaliseCommand(command);
}

/**
 * A command is done when skipped, or when its output (or its parser's) was pasted; a step that
 * diffs counters is not done by a single snapshot.
 */
export function isCommandDone(node: CommandNode, context: PathContext): boolean {
  if (context.answers[node.id] !== undefined || context.skippedParsers.has(node.parser)) return true;
  const ran = context.parsersRun.has(node.parser) || context.commandsRun.has(normaliseCommand(node.command.default));
  return ran && !(takesTwoSnapshots(node.command.default) && context.snapshotOnly.has(node.parser));
}

function answerOf(node: QuestionNode, context: PathContext): string | undefined {
  return context.answers[node.id] ?? context.infer(node)?.value;
}

/** Walks a tree from its start along answered questions and done commands; returns the current node. */
export function currentNodeOf(tree: Tree, context: PathContext): TreeNode | undefined {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  let node = byId.get(tree.start);
  const visited = new Set<string>();
  while (node && !visited.has(node.id)) {
    visited.add(node.id);
    if (node.kind === "leaf") return node;
    if (node.kind === "question") {
      const value = answerOf(node, context);
      const answer = node.answers.find((a) => a.value === value);
      if (!answer) return node;
      node = answer.next ? byId.get(answer.next) : undefined;
    } else {
      if (!isCommandDone(node, context)) return node;
      node = node.next ? byId.get(node.next) : undefined;
    }
  }
  return node;
}

/** Trees worth asking from: the chosen symptoms' (first and added), else the two whose causes hold most probability. */
export function relevantTrees(context: Pick<StepContext, "trees" | "answers" | "ranked">): Tree[] {
  const chosen = [context.answers[SYMPTOM_QUESTION_ID], context.answers[ANOTHER_SYMPTOM_ID]].filter(Boolean);
  const probability = new Map(context.ranked.map((c) => [c.id, c.score]));
  const relevance = (tree: Tree) => {
    const symptom = ENTRY_SYMPTOMS.find((s) => s.id === tree.symptom);
    return (symptom?.causes ?? []).reduce((sum, id) => sum + (probability.get(id) ?? 0), 0);
  };
  const ordered = [...context.trees].sort((a, b) => relevance(b) - relevance(a));
  const picked = ordered.filter((t) => chosen.includes(t.symptom));
  const limit = Math.max(2, picked.length);
  for (const tree of ordered) {
    if (picked.length >= limit) break;
    if (!picked.includes(tree)) picked.push(tree);
  }
  return picked;
}

const percent = (p: number) => `${Math.round(p * 100)}%`;
const describeCause = (c: RankedCause, lang: Lang) => WORDS[lang].causeWithScore(c.title, likelihoodWord(c.score, lang), percent(c.score));

/** Probabilities raised to TEMPER and renormalised: what gains are judged on. */
function temper(causes: RankedCause[]): RankedCause[] {
  const powered = causes.map((c) => Math.pow(c.score, TEMPER));
  const total = powered.reduce((a, b) => a + b, 0) || 1;
  return causes.map((c, i) => ({ ...c, score: powered[i] / total }));
}

type Candidate = { node: QuestionNode | CommandNode; tree?: Tree; gain: number; value: number; onPath: boolean };

function isOpen(node: TreeNode, context: PathContext): node is QuestionNode | CommandNode {
  if (node.kind === "leaf") return false;
  if (node.kind === "question") return answerOf(node, context) === undefined;
  return !isCommandDone(node, context);
}

/** Steps left in the relevant trees with their gain over the (tempered) leading causes. */
function candidatesOf(context: StepContext, leading: RankedCause[], observed: Set<SignalId>): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const tree of relevantTrees(context)) {
    const current = currentNodeOf(tree, context);
    for (const node of tree.nodes) {
      if (seen.has(node.id) || !isOpen(node, context)) continue;
      seen.add(node.id);
      candidates.push(rate(node, leading, observed, current?.id === node.id, tree));
    }
  }
  return candidates;
}

function rate(node: QuestionNode | CommandNode, leading: RankedCause[], observed: Set<SignalId>, onPath: boolean, tree?: Tree): Candidate {
  const gain = node.kind === "question" ? questionGain(node, leading) : commandGain(node, leading, observed);
  return { node, tree, gain, onPath, value: (gain / node.cost) * (onPath ? PATH_BONUS : 1) };
}

const bestOf = (candidates: Candidate[]) => candidates.filter((c) => c.gain >= MIN_GAIN).sort((a, b) => b.value - a.value)[0];

/** Whether a command's output could show an observation decisive for the cause. */
function couldDecide(node: TreeNode, cause: RootCauseId): boolean {
  return node.kind === "command" && (PARSER_SIGNALS[node.parser] ?? []).some((s) => canDecide(s, cause));
}

/**
 * Chooses the next step of the walk. Works towards confirming the leading cause: its open
 * preconditions first, then a step that can show it decisively, and offers confirmation only when a
 * decisive observation supports it; otherwise the step that best separates the leading causes. A step
 * that separates nothing is never proposed: the walk widens instead. Pure.
 */
export function chooseNextStep(context: StepContext): NextStep {
  if (context.confirmed) return fixStep(context.confirmed, context);
  const { lang } = context;
  const words = WORDS[lang];
  const observed = new Set(context.signals.map((s) => s.id));
  const hasTicketEvidence = context.signals.some((s) => s.source.kind !== "answer");
  if (!hasTicketEvidence && context.answers[SYMPTOM_QUESTION_ID] === undefined) {
    return toStep(builtInQuestion(SYMPTOM_QUESTION, lang), "symptom", words.startFromSymptom, [], lang);
  }

  const leading = context.ranked.slice(0, LEADING);
  const tempered = temper(leading);
  const candidates = candidatesOf(context, tempered, observed);
  const [leader, runnerUp] = context.ranked;
  const likely = leader !== undefined && leader.score >= LIKELY;

  if (likely) {
    const decisive = decisiveEvidence(leader.id, context.signals);
    const preconditions = context.preconditionsOf(leader.id).filter((p) => p.state === "unknown");
    for (const precondition of preconditions) {
      const check = precondition.checks.map((id) => context.nodes.get(id)).find((node) => node && isOpen(node, context));
      if (!check || check.kind === "leaf") continue;
      const gain = Math.max(rate(check, tempered, observed, false).gain, ruleOutGain(tempered));
      const why = words.preconditionWhy(describeCause(leader, lang), precondition.label, precondition.reason);
      const outcomes = [...outcomesOf(check, leading, lang), words.ruledOutIfOpposite(leader.title)];
      return withGain(toStep(check, "precondition", why, outcomes, lang), gain);
    }
    if (decisive.length > 0) return confirmStep(leader, decisive, context, preconditions);
    const decider = bestOf(candidates.filter((c) => couldDecide(c.node, leader.id)));
    if (decider) {
      const why = words.decideWhy(describeCause(leader, lang));
      return withGain(toStep(decider.node, "decide", why, outcomesOf(decider.node, leading, lang), lang, decider.tree?.id), decider.gain);
    }
  }

  const best = bestOf(candidates);
  if (best) {
    const contrast = runnerUp ? words.tellApart(describeCause(leader, lang), describeCause(runnerUp, lang)) : words.toTest(describeCause(leader, lang));
    const path = best.onPath && best.tree ? words.onPath(best.tree.title) : "";
    return withGain(toStep(best.node, "separate", `${contrast}${path}`, outcomesOf(best.node, leading, lang), lang, best.tree?.id), best.gain);
  }

  if (likely) return confirmStep(leader, [], context, []);
  return widenStep(context, leader, tempered, observed);
}

/** What settling a precondition of the leader can tell: it either stays or is ruled out. */
function ruleOutGain(leading: RankedCause[]): number {
  const stays = leading.map((_, i) => (i === 0 ? 1 : 0.5));
  const ruledOut = leading.map((_, i) => (i === 0 ? 0 : 0.5));
  return expectedGain(
    leading.map((c) => c.score),
    [stays, ruledOut],
  );
}

function withGain(step: NextStep, gain: number): NextStep {
  return { ...step, gain: Math.round(gain * 1000) / 1000 };
}

function outcomesOf(node: QuestionNode | CommandNode, leading: RankedCause[], lang: Lang): string[] {
  const top = leading.slice(0, 3);
  return node.kind === "command" ? commandOutcomes(node, top, lang) : questionOutcomes(node, top, lang);
}

/** When nothing separates the causes: ask what changed, then for another symptom, then offer the leader. */
function widenStep(context: StepContext, leader: RankedCause | undefined, tempered: RankedCause[], observed: Set<SignalId>): NextStep {
  const { lang } = context;
  const words = WORDS[lang];
  for (const question of [WHAT_CHANGED_QUESTION, ANOTHER_SYMPTOM_QUESTION]) {
    if (answerOf(question, context) !== undefined) continue;
    const why = `${words.nothingSeparates}${question.id === WHAT_CHANGED_ID ? words.changeNamesCause : words.anotherSymptom}`;
    return withGain(toStep(builtInQuestion(question, lang), "widen", why, [], lang), rate(question, tempered, observed, false).gain);
  }
  if (leader) return confirmStep(leader, [], context, []);
  return toStep(builtInQuestion(SYMPTOM_QUESTION, lang), "symptom", words.nothingPoints, [], lang);
}

function confirmStep(cause: RankedCause, decisive: Signal[], context: StepContext, openPreconditions: PreconditionResult[]): NextStep {
  const { lang } = context;
  const words = WORDS[lang];
  const shown = decisive[0];
  const observation = shown && (lang === "en" ? (shown.detail ?? words.quoted(shown.line)) : observationOf(shown, lang));
  const basis = observation ? words.showsDirectly(observation) : words.restsOnCircumstance;
  const open = openPreconditions.length > 0 ? words.stillOpen(openPreconditions.map((p) => p.label)) : "";
  const others = context.ranked
    .slice(1, 3)
    .map((c) => describeCause(c, lang))
    .join(lang === "en" ? ", " : "、");
  return {
    kind: "question",
    id: confirmQuestionId(cause.id),
    text: words.isIt(cause.title),
    answers: [{ value: "yes", label: words.confirmYes }, shown ? { value: "no", label: words.confirmNo } : { value: NOT_YET, label: words.confirmNotYet }],
    why: words.confirmWhy(describeCause(cause, lang), basis, open),
    outcomes: [words.yesOutcome, words.noOutcome(Boolean(shown), others)],
    purpose: "confirm",
    confirms: cause.id,
  };
}

/** How to see that a fix worked: each decisive observation should no longer show. Pure. */
export function verificationOf(cause: RootCauseId, signals: Signal[], lang: Lang = "en"): string[] {
  const words = WORDS[lang];
  const decisive = [...new Map(decisiveEvidence(cause, signals).map((s) => [s.id, s])).values()];
  const verify = decisive.map((s) => {
    const command = s.source.kind === "output" && s.source.command ? `\`${s.source.command}\`` : words.theCheckThatShowedIt;
    return words.runAgain(command, observationOf(s, lang), Boolean(s.detail?.includes("rose")));
  });
  return verify.length > 0 ? verify : [words.repeatTheTest];
}

/** Once confirmed: the fix from the cause page, and how to see that it worked. */
function fixStep(cause: { id: RootCauseId; title: string }, context: StepContext): NextStep {
  const words: Words = WORDS[context.lang];
  return {
    kind: "fix",
    id: `fix-${cause.id}`,
    text: words.fixText(cause.title),
    fix: context.fixOf?.(cause.id) ?? words.seeCausePage,
    verify: verificationOf(cause.id, context.signals, context.lang),
    why: words.fixWhy(cause.title),
    purpose: "fix",
  };
}

function toStep(node: QuestionNode | CommandNode, purpose: StepPurpose, why: string, outcomes: string[], lang: Lang, tree?: string): NextStep {
  const common = { id: node.id, why, purpose, ...(outcomes.length > 0 ? { outcomes } : {}), ...(tree ? { tree } : {}) };
  if (node.kind === "question") {
    return { kind: "question", text: node.text, answers: node.answers.map(({ value, label }) => ({ value, label })), ...common };
  }
  return {
    kind: "command",
    text: node.title,
    command: node.command.default,
    commands: node.command,
    where: node.where,
    whereText: WORDS[lang].where[node.where],
    lookFor: node.lookFor,
    parser: node.parser,
    ...common,
  };
}

/** Every question and command by id: the trees', the symptom question and the walk's own, the built-in ones in `lang`. */
export function indexNodes(trees: Tree[], lang: Lang = "en"): Map<string, TreeNode> {
  const nodes = new Map<string, TreeNode>(BUILT_IN_QUESTIONS[lang].map((question) => [question.id, question]));
  for (const tree of trees) for (const node of tree.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  return nodes;
}

import type { RootCauseId } from "../content/root-cause-ids";
import { ENTRY_SYMPTOMS } from "../content/entry-symptoms";
import type { Signal } from "../evidence/signal";
import { weightOf, type SignalId } from "../evidence/signals";
import { PARSER_SIGNALS } from "./parser-signals";
import type { RankedCause } from "./rank";
import type { CommandNode, QuestionNode, Tree, TreeNode } from "./tree-schema";

export const SYMPTOM_QUESTION_ID = "symptom";
export const CONFIRM_QUESTION_ID = "confirm-cause";
/** Answer value meaning "I can't run this / don't know": the step is skipped. */
export const SKIP_ANSWER = "skip";

export type NextStep = {
  kind: "question" | "command";
  id: string;
  text: string;
  command?: string;
  commands?: Record<string, string>;
  where?: string;
  lookFor?: string;
  parser?: string;
  answers?: { value: string; label: string }[];
  why: string;
  tree?: string;
};

/** The first question when nothing is known yet: which symptom the ticket starts from. */
export const SYMPTOM_QUESTION: QuestionNode = {
  kind: "question",
  id: SYMPTOM_QUESTION_ID,
  text: "What does the ticket describe?",
  cost: 1,
  answers: ENTRY_SYMPTOMS.map((s) => ({ value: s.id, label: s.label, signals: [], next: s.id })),
};

/** How many leading causes a step is judged on. */
const LEADING = 6;
/** Base log-odds of a parser emitting a signal unrelated to the cause (about 18%). */
const SIGNAL_BASE_LOGIT = -1.5;
/** Preference for the step the current tree path points at. */
const PATH_BONUS = 1.3;

/** What a walk along the trees needs: the trees and what was answered, observed and run. */
export type PathContext = Omit<StepContext, "ranked">;

export type StepContext = {
  trees: Tree[];
  ranked: RankedCause[];
  signals: Signal[];
  answers: Record<string, string>;
  /** Parser ids that already read a pasted output. */
  parsersRun: Set<string>;
  /** Command lines already pasted (normalised). */
  commandsRun: Set<string>;
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

export function isCommandDone(node: CommandNode, context: PathContext): boolean {
  return (
    context.answers[node.id] !== undefined ||
    context.parsersRun.has(node.parser) ||
    context.commandsRun.has(normaliseCommand(node.command.default))
  );
}

export function commandKeyOf(command: string): string {
  return normaliseCommand(command);
}

/** Walks a tree from its start along answered questions and done commands; returns the current node. */
export function currentNodeOf(tree: Tree, context: PathContext, observed: Set<SignalId>): TreeNode | undefined {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  let node = byId.get(tree.start);
  const visited = new Set<string>();
  while (node && !visited.has(node.id)) {
    visited.add(node.id);
    if (node.kind === "leaf") return node;
    if (node.kind === "question") {
      const value = context.answers[node.id] ?? impliedAnswer(node, observed);
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

/** Trees worth asking from: the chosen symptom's, else the two whose causes hold most probability. */
export function relevantTrees(context: StepContext): Tree[] {
  const chosen = context.answers[SYMPTOM_QUESTION_ID];
  const probability = new Map(context.ranked.map((c) => [c.id, c.score]));
  const relevance = (tree: Tree) => {
    const symptom = ENTRY_SYMPTOMS.find((s) => s.id === tree.symptom);
    return (symptom?.causes ?? []).reduce((sum, id) => sum + (probability.get(id) ?? 0), 0);
  };
  const ordered = [...context.trees].sort((a, b) => relevance(b) - relevance(a));
  const picked = chosen ? ordered.filter((t) => t.symptom === chosen) : [];
  for (const tree of ordered) {
    if (picked.length >= 2) break;
    if (!picked.includes(tree)) picked.push(tree);
  }
  return picked;
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

/**
 * Chooses the question or command that best separates the leading causes per unit of cost,
 * skipping what answers and evidence already settle. Pure.
 */
export function chooseNextStep(context: StepContext): NextStep {
  const observed = new Set(context.signals.map((s) => s.id));
  const hasTicketEvidence = context.signals.some((s) => s.source.kind !== "answer");
  if (!hasTicketEvidence && context.answers[SYMPTOM_QUESTION_ID] === undefined) {
    return toStep(SYMPTOM_QUESTION, "Nothing in the ticket points anywhere yet: start from the symptom.");
  }

  const leading = normalise(context.ranked.slice(0, LEADING));
  const seenNodes = new Set<string>();
  let best: { node: QuestionNode | CommandNode; tree: Tree; gain: number; value: number; onPath: boolean } | undefined;
  for (const tree of relevantTrees(context)) {
    const current = currentNodeOf(tree, context, observed);
    for (const node of tree.nodes) {
      if (node.kind === "leaf" || seenNodes.has(node.id)) continue;
      seenNodes.add(node.id);
      if (node.kind === "question" && (context.answers[node.id] !== undefined || impliedAnswer(node, observed))) continue;
      if (node.kind === "command" && isCommandDone(node, context)) continue;
      const gain = node.kind === "question" ? questionGain(node, leading) : commandGain(node, leading, observed);
      const onPath = current?.id === node.id;
      const value = (gain / node.cost) * (onPath ? PATH_BONUS : 1);
      if (!best || value > best.value) best = { node, tree, gain, value, onPath };
    }
  }

  const [first, second] = context.ranked;
  // After "no, keep looking", any step left is worth proposing, however little it separates.
  const keepLooking = context.answers[CONFIRM_QUESTION_ID] === "no";
  if (!best || (best.gain < 0.01 && !keepLooking)) {
    return {
      kind: "question",
      id: CONFIRM_QUESTION_ID,
      text: `The evidence points to ${first.title} (${percent(first.score)}). Does it match what you see?`,
      answers: [
        { value: "yes", label: "Yes, confirm it" },
        { value: "no", label: "No, keep looking" },
      ],
      why: keepLooking
        ? "Every step of the relevant trees is done: paste more output, or confirm another cause from the ranking."
        : "No remaining step in the relevant trees separates the leading causes; confirm, or paste more output.",
    };
  }
  const contrast = second ? `${first.title} (${percent(first.score)}) from ${second.title} (${percent(second.score)})` : first.title;
  const why =
    `Best separates ${contrast}: expected gain ${best.gain.toFixed(2)} bits at cost ${best.node.cost}.` +
    (best.onPath ? ` It is the next step on the "${best.tree.title}" path.` : "");
  return toStep(best.node, why, best.tree.id);
}

function normalise(causes: RankedCause[]): RankedCause[] {
  const total = causes.reduce((a, c) => a + c.score, 0) || 1;
  return causes.map((c) => ({ ...c, score: c.score / total }));
}

function toStep(node: QuestionNode | CommandNode, why: string, tree?: string): NextStep {
  if (node.kind === "question") {
    return {
      kind: "question",
      id: node.id,
      text: node.text,
      answers: node.answers.map(({ value, label }) => ({ value, label })),
      why,
      ...(tree ? { tree } : {}),
    };
  }
  return {
    kind: "command",
    id: node.id,
    text: node.title,
    command: node.command.default,
    commands: node.command,
    where: node.where,
    lookFor: node.lookFor,
    parser: node.parser,
    why,
    ...(tree ? { tree } : {}),
  };
}

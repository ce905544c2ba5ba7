import { ENTRY_SYMPTOMS, type EntrySymptom } from "../content/entry-symptoms";
import { getSectionMarkdown, type CaseEntry } from "../content/parse-entry";
import type { RootCauseId } from "../content/root-cause-ids";
import { extractEvidence } from "../evidence/extract";
import { getParser } from "../evidence/parsers";
import type { Signal } from "../evidence/signal";
import { SIGNALS, type SignalId } from "../evidence/vocabulary";
import type { TriageKnowledge } from "../triage/knowledge";
import { impliedAnswer } from "../triage/next-step";
import { PARSER_SIGNALS } from "../triage/parser-signals";
import { rankRootCauses } from "../triage/rank";
import type { Tree, TreeNode } from "../triage/tree-schema";
import { describeEvidence, strongSignalsFor, weightFor } from "./evidence";
import { exerciseIdOf, shuffleBy, type CauseChoice, type DrillStep, type Reveal, type TicketDrill } from "./exercise";
import { redactKeyTerms, REDACTED, type CauseTerms } from "./key-terms";
import { blocksToText, mapBlockText, parseBlocks } from "./markdown";
import { quotedOutputs, type QuotedOutput } from "./quoted-outputs";

export type DrillContext = {
  knowledge: TriageKnowledge;
  causeTerms: Map<RootCauseId, CauseTerms>;
  titleOf: (id: RootCauseId) => string;
};

export type BuildResult<T> = { ok: true; exercise: T } | { ok: false; reason: string };

const MAX_CAUSE_CHOICES = 5;
const MIN_CAUSE_CHOICES = 3;
/** Commands offered as a first step, right ones included; one "ask the customer" option comes on top. */
const COMMAND_CHOICES = 4;
const MAX_RIGHT_CHOICES = 2;
const MIN_WRONG_CHOICES = 2;
/** An Issue shorter than this once redacted cannot carry a ticket. */
const MIN_ISSUE_CHARS = 40;

type RatedStep = DrillStep & { strength: number; speaksToOthers: boolean };

/**
 * Turns a resolved problem case into a ticket drill, or says why it cannot. The learner sees the
 * Issue and Environment with the key terms of every offered cause redacted, picks a first step
 * from the decision tree of the case's entry symptom, sees the case's telling output (or its
 * redacted Diagnosis when it quotes none), then picks the cause. Pure.
 */
export function buildTicketDrill(entry: CaseEntry, context: DrillContext): BuildResult<TicketDrill> {
  const f = entry.frontmatter;
  const cause = f.rootCause;
  if (f.type !== "problem" || f.status !== "resolved" || !cause) return fail("it is not a resolved problem case");
  const issue = getSectionMarkdown(entry.body, "Issue");
  if (!issue) return fail("the Issue section is empty");
  const environment = getSectionMarkdown(entry.body, "Environment");
  const reasoning = parseBlocks(getSectionMarkdown(entry.body, "Cause"));
  if (reasoning.length === 0) return fail("the Cause section is empty");
  const diagnosis = parseBlocks(getSectionMarkdown(entry.body, "Diagnosis"));
  const outputs = quotedOutputs(diagnosis);
  const telling = findTellingOutput(outputs, cause);
  if (!telling && diagnosis.length === 0) return fail("it quotes no output and its Diagnosis section is empty");

  const ticketSignals = extractEvidence({ description: `${issue}\n\n${environment}` });
  const plan = planDrill(entry.id, cause, f.ruledOutCauses, ticketSignals, new Set(telling?.signals.map((s) => s.parser)), context);
  if (!plan.ok) return plan;
  const { symptom, causes, steps } = plan.exercise;

  const terms = causes.flatMap((c) => context.causeTerms.get(c.id)?.terms ?? []);
  const redact = (text: string) => redactKeyTerms(text, terms);
  const issueBlocks = parseBlocks(redact(issue));
  if (blocksToText(issueBlocks).replaceAll(REDACTED, "").trim().length < MIN_ISSUE_CHARS) {
    return fail("the Issue says too little once the key terms of the offered causes are redacted");
  }
  const reveal: Reveal = telling
    ? { kind: "output", ...(telling.output.command ? { command: telling.output.command } : {}), output: telling.output.text }
    : { kind: "diagnosis", blocks: mapBlockText(diagnosis, redact) };

  const evidenceSources = [...outputs.map(({ text }) => ({ text })), ...(f.errorStrings.length > 0 ? [{ text: f.errorStrings.join("\n") }] : [])];
  const evidence = describeEvidence(extractEvidence({ description: "", outputs: evidenceSources }), context.titleOf, causes.map((c) => c.id));
  evidence.sort((a, b) => weightFor(b.signal, cause) - weightFor(a.signal, cause));

  return {
    ok: true,
    exercise: {
      kind: "ticket",
      id: exerciseIdOf("ticket", entry.id),
      caseId: entry.id,
      caseTitle: f.title,
      rootCause: cause,
      symptom: { id: symptom.id, label: symptom.label },
      issue: issueBlocks,
      environment: parseBlocks(redact(environment)),
      steps: steps.map(({ strength: _strength, speaksToOthers: _others, ...step }) => ({ ...step, label: redact(step.label) })),
      reveal,
      causes,
      explanation: { reasoning, spotNextTime: parseBlocks(getSectionMarkdown(entry.body, "How to spot it next time")), evidence },
    },
  };
}

type Plan = { symptom: EntrySymptom; causes: CauseChoice[]; steps: RatedStep[] };

/**
 * Picks the entry symptom the ticket most likely presents, among those whose tree offers a right
 * first step and enough wrong ones: each cause's likelihood from the ticket alone (triage ranking)
 * is shared evenly among the symptoms that list it, and the symptom with the most wins (ties: the
 * symptom that lists the cause earlier).
 */
function planDrill(
  caseId: string,
  cause: RootCauseId,
  ruledOut: RootCauseId[],
  ticketSignals: Signal[],
  tellingParsers: Set<string>,
  context: DrillContext,
): BuildResult<Plan> {
  const observed = new Set(ticketSignals.map((s) => s.id));
  const likelihood = new Map(rankRootCauses(ticketSignals, context.knowledge).map((r) => [r.id, r.score]));
  const shareOf = (id: RootCauseId) => (likelihood.get(id) ?? 0) / ENTRY_SYMPTOMS.filter((s) => s.causes.includes(id)).length;
  const candidates = ENTRY_SYMPTOMS.flatMap((symptom, order) => {
    const tree = context.knowledge.trees.find((t) => t.symptom === symptom.id);
    if (!tree || !symptom.causes.includes(cause)) return [];
    const causes = chooseCauses(symptom, cause, ruledOut, ticketSignals, context);
    const steps = chooseSteps(caseId, rateSteps(tree, cause, causes, observed, tellingParsers, context));
    if (!steps) return [];
    return [{ symptom, causes, steps, relevance: symptom.causes.reduce((sum, id) => sum + shareOf(id), 0), position: symptom.causes.indexOf(cause), order }];
  });
  candidates.sort((a, b) => b.relevance - a.relevance || a.position - b.position || a.order - b.order);
  const best = candidates[0];
  if (!best) return fail(`no entry symptom of "${cause}" has a decision tree with a first step that can show its evidence`);
  if (best.causes.length < MIN_CAUSE_CHOICES) return fail(`its entry symptom "${best.symptom.id}" offers fewer than ${MIN_CAUSE_CHOICES} candidate causes`);
  return { ok: true, exercise: { symptom: best.symptom, causes: best.causes, steps: best.steps } };
}

/** The right cause plus the symptom's causes the ticket makes most plausible; causes the case ruled out come first. */
function chooseCauses(symptom: EntrySymptom, cause: RootCauseId, ruledOut: RootCauseId[], ticketSignals: Signal[], context: DrillContext): CauseChoice[] {
  const ranked = rankRootCauses(ticketSignals, context.knowledge).map((r) => r.id);
  const distractors = [...ruledOut.filter((id) => ranked.includes(id)), ...ranked.filter((id) => !ruledOut.includes(id))]
    .filter((id) => id !== cause && symptom.causes.includes(id)).slice(0, MAX_CAUSE_CHOICES - 1);
  return [cause, ...distractors].map((id) => ({ id, title: context.titleOf(id) })).sort((a, b) => a.title.localeCompare(b.title));
}

/** Step ids after which the tree concludes a leaf naming the cause. */
function stepsConcluding(tree: Tree, cause: RootCauseId): Set<string> {
  const leaves = new Set(tree.nodes.flatMap((n) => (n.kind === "leaf" && n.causes.includes(cause) ? [n.id] : [])));
  return new Set(
    tree.nodes.flatMap((n) => {
      const next = n.kind === "question" ? n.answers.map((a) => a.next) : n.kind === "command" ? [n.next] : [];
      return next.some((id) => id && leaves.has(id)) ? [n.id] : [];
    }),
  );
}

/**
 * Judges every question and command of the tree as a first step for this ticket. A step is right
 * when its output (or the customer's answer) can show evidence typical of the cause, when it reads
 * the kind of output that cracked the case, or when the tree concludes the cause right after it; a
 * question the ticket already answers is never right.
 */
function rateSteps(tree: Tree, cause: RootCauseId, causes: CauseChoice[], observed: Set<SignalId>, tellingParsers: Set<string>, context: DrillContext): RatedStep[] {
  const others = causes.filter((c) => c.id !== cause);
  const title = context.titleOf(cause);
  const concluding = stepsConcluding(tree, cause);
  const concludes = `The decision tree concludes ${title} right after this step.`;
  return tree.nodes.flatMap((node: TreeNode): RatedStep[] => {
    if (node.kind === "leaf") return [];
    if (node.kind === "question") {
      const label = `Ask the customer: ${node.text}`;
      if (impliedAnswer(node, observed)) return [{ id: node.id, kind: "ask", label, right: false, why: "The ticket already answers this question.", strength: 0, speaksToOthers: false }];
      const strong = strongSignalsFor(node.answers.flatMap((a) => a.signals), cause);
      const right = strong.length > 0 || concluding.has(node.id);
      const why = strong.length > 0 ? `An answer can reveal ${SIGNALS[strong[0]]}, which is typical of ${title}.` : right ? concludes : "None of its answers would point at this case's cause.";
      return [{ id: node.id, kind: "ask", label, right, why, strength: strong.length > 0 ? weightFor(strong[0], cause) : right ? 1 : 0, speaksToOthers: false }];
    }
    const revealable = PARSER_SIGNALS[node.parser] ?? [];
    const strong = strongSignalsFor(revealable, cause);
    const readsTelling = tellingParsers.has(node.parser);
    const spokenFor = others.filter((c) => strongSignalsFor(revealable, c.id).length > 0);
    const parserTitle = getParser(node.parser)?.title ?? node.parser;
    const why = readsTelling
      ? `It reads the kind of output that cracked this case (${parserTitle}).`
      : strong.length > 0
        ? `Its output can show ${SIGNALS[strong[0]]}, which is typical of ${title}.`
        : concluding.has(node.id)
          ? concludes
          : spokenFor.length > 0
            ? `Its output speaks to ${spokenFor.map((c) => c.title).join("; ")}, not to this case's cause.`
            : "Its output would not separate the candidate causes of this ticket.";
    const strength = readsTelling ? Number.POSITIVE_INFINITY : strong.length > 0 ? weightFor(strong[0], cause) : concluding.has(node.id) ? 1 : 0;
    return [
      {
        id: node.id,
        kind: "command",
        label: node.title,
        command: node.command.default,
        right: strength > 0,
        why,
        strength,
        speaksToOthers: spokenFor.length > 0,
      },
    ];
  });
}

/** The strongest right steps, wrong commands that look plausible, and one question; undefined when too few of either. */
function chooseSteps(caseId: string, rated: RatedStep[]): RatedStep[] | undefined {
  const right = rated.filter((s) => s.right).sort((a, b) => b.strength - a.strength).slice(0, MAX_RIGHT_CHOICES);
  const wrongCommands = shuffleBy(rated.filter((s) => !s.right && s.kind === "command"), caseId, (s) => s.id).sort((a, b) => Number(b.speaksToOthers) - Number(a.speaksToOthers));
  const picks = [...right, ...wrongCommands.slice(0, COMMAND_CHOICES - right.filter((s) => s.kind === "command").length)];
  if (!picks.some((s) => s.kind === "ask")) picks.push(...shuffleBy(rated.filter((s) => s.kind === "ask" && !s.right), caseId, (s) => s.id).slice(0, 1));
  if (right.length === 0 || picks.filter((s) => !s.right).length < MIN_WRONG_CHOICES) return undefined;
  return shuffleBy(picks, caseId, (s) => s.id);
}

/** The quoted output whose signals weigh most for the cause, with those signals; none when no output does. */
function findTellingOutput(outputs: QuotedOutput[], cause: RootCauseId): { output: QuotedOutput; signals: Signal[] } | undefined {
  let best: { output: QuotedOutput; signals: Signal[]; strength: number } | undefined;
  for (const output of outputs) {
    const signals = extractEvidence({ description: "", outputs: [{ text: output.text }] }).filter((s) => weightFor(s.id, cause) > 0);
    const strength = [...new Set(signals.map((s) => s.id))].reduce((sum, id) => sum + weightFor(id, cause), 0);
    if (strength > (best?.strength ?? 0)) best = { output, signals, strength };
  }
  return best && { output: best.output, signals: best.signals };
}

function fail<T>(reason: string): BuildResult<T> {
  return { ok: false, reason };
}

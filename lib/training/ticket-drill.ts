import { ENTRY_SYMPTOMS, type EntrySymptom } from "../content/entry-symptoms";
import { caseTitle, symptomLabel } from "../content/localized";
import { markdownToPlainText } from "../content/markdown";
import { getSectionMarkdown, type CaseEntry } from "../content/parse-entry";
import type { RootCauseId } from "../content/root-cause-ids";
import { REQUIRED_HEADINGS, REQUIRED_HEADINGS_ZH } from "../content/schema";
import { extractEvidence } from "../evidence/extract";
import { getParser } from "../evidence/parsers";
import type { Signal } from "../evidence/signal";
import { weightOf } from "../evidence/signals";
import type { SignalId } from "../evidence/vocabulary";
import type { TriageKnowledge } from "../triage/knowledge";
import type { Lang } from "../triage/language";
import { localizeNode } from "../triage/localize";
import { impliedAnswer } from "../triage/next-step";
import { PARSER_SIGNALS } from "../triage/parser-signals";
import { rankRootCauses } from "../triage/rank";
import type { Tree, TreeNode } from "../triage/tree-schema";
import { meaningOf } from "../triage/words";
import { DRILL_WORDS } from "./drill-words";
import { describeEvidence, strongSignalsFor } from "./evidence";
import type { CauseChoice, DrillStep, Reveal, TicketDrill } from "./exercise";
import { findKeyTerms, REDACTED, redactKeyTerms, type KeyTerm } from "./key-terms";
import { blocksToText, mapBlockText, parseBlocks } from "./markdown";
import { quotedOutputs, type QuotedOutput } from "./quoted-outputs";
import { exerciseIdOf, shuffleBy } from "./stable-hash";

export type DrillContext = {
  knowledge: TriageKnowledge;
  causeTerms: Map<RootCauseId, KeyTerm[]>;
  /** A cause's title in the drill's language. */
  titleOf: (id: RootCauseId) => string;
  /** The language of the drill's texts; what it asks and what is right never depend on it. */
  lang: Lang;
};

/** The sections of a problem case a drill reads. */
type CaseSections = { issue: string; environment: string; diagnosis: string; cause: string; spotNextTime: string };

/** The case's sections in `lang`: the Chinese page's when there is one, else the English body's. */
function sectionsOf(entry: CaseEntry, lang: Lang): CaseSections {
  const [issue, environment, diagnosis, cause, , spotNextTime] = lang === "zh" && entry.zh ? REQUIRED_HEADINGS_ZH.problem : REQUIRED_HEADINGS.problem;
  const body = lang === "zh" && entry.zh ? entry.zh.body : entry.body;
  const section = (heading: string) => getSectionMarkdown(body, heading);
  return {
    issue: section(issue),
    environment: section(environment),
    diagnosis: section(diagnosis),
    cause: section(cause),
    spotNextTime: section(spotNextTime),
  };
}

export type BuildResult<T> = { ok: true; exercise: T } | { ok: false; reason: string };

const MAX_CAUSE_CHOICES = 5;
const MIN_CAUSE_CHOICES = 3;
/** Commands offered as a first step, right ones included; one "ask the customer" option comes on top. */
const COMMAND_CHOICES = 4;
const MAX_RIGHT_CHOICES = 2;
const MIN_WRONG_CHOICES = 2;
/** An Issue shorter than this once redacted cannot carry a ticket; Chinese says as much in about half the characters. */
const MIN_ISSUE_CHARS: Record<Lang, number> = { en: 40, zh: 20 };

type RatedStep = DrillStep & {
  strength: number;
  /** Its output is typical of another offered cause: a plausible wrong choice. */
  speaksToOthers: boolean;
  /** Its label names an offered cause, so the prompt shows it redacted. */
  namesACause: boolean;
};

/**
 * Turns a resolved problem case into a ticket drill, or says why it cannot. The learner sees the
 * Issue and Environment with the key terms of every offered cause redacted, picks a first step
 * from the decision tree of the case's entry symptom, sees the case's telling output (or its
 * redacted Diagnosis when it quotes none), then picks the cause. The English case decides the
 * drill (its steps, causes and right answers); the texts are in the context's language, from the
 * Chinese page when the case has one. Pure.
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

  const terms = causes.flatMap((c) => context.causeTerms.get(c.id) ?? []);
  const redact = (text: string) => redactKeyTerms(text, terms);
  const saysTooLittle = (text: string, lang: Lang) =>
    blocksToText(parseBlocks(redact(text)))
      .replaceAll(REDACTED, "")
      .trim().length < MIN_ISSUE_CHARS[lang];
  if (saysTooLittle(issue, "en")) return fail("the Issue says too little once the key terms of the offered causes are redacted");
  // A Chinese page that says too little once redacted leaves the drill to the English text.
  const translated = sectionsOf(entry, context.lang);
  const shown = entry.zh && context.lang === "zh" && saysTooLittle(translated.issue, "zh") ? sectionsOf(entry, "en") : translated;
  const shownDiagnosis = parseBlocks(shown.diagnosis);
  const reveal: Reveal = telling
    ? { kind: "output", ...(telling.output.command ? { command: telling.output.command } : {}), output: telling.output.text }
    : { kind: "diagnosis", blocks: mapBlockText(shownDiagnosis.length > 0 ? shownDiagnosis : diagnosis, redact) };

  // What the engine reads in what the case observed: the ticket, its outputs and its error strings. The
  // Diagnosis prose explains ("with tcp_tw_recycle on, the kernel drops..."); it is not read as a setting.
  const quoted = [...outputs, ...(f.errorStrings.length > 0 ? [{ text: f.errorStrings.join("\n") }] : [])].map(({ text }) => ({ text }));
  // The evidence quotes the text the learner read; when the Chinese text shows none of it, the English text's.
  const evidenceIn = (ticket: string) =>
    describeEvidence(
      extractEvidence({ description: markdownToPlainText(ticket), outputs: quoted }),
      context.titleOf,
      causes.map((c) => c.id),
      context.lang,
    ).filter((line) => line.favours.length > 0);
  const shownEvidence = shown === translated && context.lang === "zh" ? evidenceIn(`${shown.issue}\n\n${shown.environment}`) : [];
  const evidence = shownEvidence.length > 0 ? shownEvidence : evidenceIn(`${issue}\n\n${environment}`);
  const reasoningShown = parseBlocks(shown.cause);
  evidence.sort((a, b) => weightOf(b.signal, cause) - weightOf(a.signal, cause));

  return {
    ok: true,
    exercise: {
      kind: "ticket",
      id: exerciseIdOf("ticket", entry.id),
      caseId: entry.id,
      caseTitle: caseTitle(entry, context.lang),
      rootCause: cause,
      // The symptom label is the library's own wording, shown whole: redaction is for the case's text.
      symptom: { id: symptom.id, label: symptomLabel(symptom, context.lang) },
      issue: parseBlocks(redact(shown.issue)),
      environment: parseBlocks(redact(shown.environment)),
      // Positional ids: a tree node id ("cc-conntrack") would name what the label redacts.
      steps: steps.map(({ strength: _strength, speaksToOthers: _others, namesACause: _naming, ...step }, i) => ({
        ...step,
        id: `step-${i + 1}`,
        label: redact(step.label),
      })),
      reveal,
      causes,
      explanation: { reasoning: reasoningShown.length > 0 ? reasoningShown : reasoning, spotNextTime: parseBlocks(shown.spotNextTime), evidence },
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
  const ranked = rankRootCauses(ticketSignals, context.knowledge);
  const likelihood = new Map(ranked.map((r) => [r.id, r.score]));
  const shareOf = (id: RootCauseId) => (likelihood.get(id) ?? 0) / ENTRY_SYMPTOMS.filter((s) => s.causes.includes(id)).length;
  const candidates = ENTRY_SYMPTOMS.flatMap((symptom, order) => {
    const tree = context.knowledge.trees.find((t) => t.symptom === symptom.id);
    if (!tree || !symptom.causes.includes(cause)) return [];
    const causes = chooseCauses(
      symptom,
      cause,
      ruledOut,
      ranked.map((r) => r.id),
      context,
    );
    const terms = causes.flatMap((c) => context.causeTerms.get(c.id) ?? []);
    const steps = chooseSteps(caseId, rateSteps(tree, cause, causes, terms, observed, tellingParsers, context));
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
function chooseCauses(symptom: EntrySymptom, cause: RootCauseId, ruledOut: RootCauseId[], ranked: RootCauseId[], context: DrillContext): CauseChoice[] {
  const preferred = [...ruledOut, ...ranked.filter((id) => !ruledOut.includes(id))];
  const distractors = preferred.filter((id) => id !== cause && symptom.causes.includes(id)).slice(0, MAX_CAUSE_CHOICES - 1);
  return [cause, ...distractors].map((id) => ({ id, title: context.titleOf(id) })).sort((a, b) => a.title.localeCompare(b.title));
}

const nextIds = (node: TreeNode): string[] =>
  (node.kind === "question" ? node.answers.map((a) => a.next) : node.kind === "command" ? [node.next] : []).filter((id): id is string => Boolean(id));

/** Step ids after which the tree concludes a leaf naming the cause. */
function stepsConcluding(tree: Tree, cause: RootCauseId): Set<string> {
  const leaves = new Set(tree.nodes.flatMap((n) => (n.kind === "leaf" && n.causes.includes(cause) ? [n.id] : [])));
  return new Set(tree.nodes.filter((n) => nextIds(n).some((id) => leaves.has(id))).map((n) => n.id));
}

/** Step ids from which the tree can still reach a leaf naming the cause (trees are acyclic: lint-trees checks it). */
function stepsLeadingTo(tree: Tree, cause: RootCauseId): Set<string> {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const memo = new Map<string, boolean>();
  const leads = (id: string): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const result = !!node && (node.kind === "leaf" ? node.causes.includes(cause) : nextIds(node).some(leads));
    memo.set(id, result);
    return result;
  };
  return new Set(tree.nodes.filter((n) => n.kind !== "leaf" && leads(n.id)).map((n) => n.id));
}

/**
 * Judges every question and command of the tree as a first step for this ticket. A step is right
 * when it reads the kind of output that cracked the case, or when its output (or the customer's
 * answer) can show evidence typical of the cause and the tree can still conclude the cause after
 * it. When no step qualifies, the steps after which the tree concludes the cause are right. A
 * question the ticket already answers is never right.
 */
function rateSteps(
  tree: Tree,
  cause: RootCauseId,
  causes: CauseChoice[],
  terms: KeyTerm[],
  observed: Set<SignalId>,
  tellingParsers: Set<string>,
  context: DrillContext,
): RatedStep[] {
  const { lang } = context;
  const words = DRILL_WORDS[lang];
  const others = causes.filter((c) => c.id !== cause);
  // Whether a label names an offered cause is judged on the English label: the drill is the same in every language.
  const namesACause = (label: string) => findKeyTerms(label, terms).length > 0;
  const title = context.titleOf(cause);
  const leading = stepsLeadingTo(tree, cause);
  const rated = tree.nodes.flatMap((node: TreeNode): (RatedStep & { answered?: boolean })[] => {
    if (node.kind === "leaf") return [];
    const shown = localizeNode(node, lang);
    if (node.kind === "question" && shown.kind === "question") {
      const label = words.askTheCustomer(shown.text);
      const names = namesACause(DRILL_WORDS.en.askTheCustomer(node.text));
      if (impliedAnswer(node, observed)) {
        return [
          {
            id: node.id,
            kind: "ask",
            label,
            title: label,
            right: false,
            why: words.alreadyAnswered,
            strength: 0,
            speaksToOthers: false,
            namesACause: names,
            answered: true,
          },
        ];
      }
      const strong = leading.has(node.id)
        ? strongSignalsFor(
            node.answers.flatMap((a) => a.signals),
            cause,
          )
        : [];
      const why = strong.length > 0 ? words.answerCanReveal(meaningOf(strong[0], lang), title) : words.noAnswerPoints;
      const strength = strong.length > 0 ? weightOf(strong[0], cause) : 0;
      return [{ id: node.id, kind: "ask", label, title: label, right: strength > 0, why, strength, speaksToOthers: false, namesACause: names }];
    }
    if (node.kind !== "command" || shown.kind !== "command") return [];
    const revealable = PARSER_SIGNALS[node.parser] ?? [];
    const strong = leading.has(node.id) ? strongSignalsFor(revealable, cause) : [];
    const readsTelling = tellingParsers.has(node.parser);
    const spokenFor = others.filter((c) => strongSignalsFor(revealable, c.id).length > 0);
    const why = readsTelling
      ? words.readsTellingOutput(getParser(node.parser)?.title ?? node.parser)
      : strong.length > 0
        ? words.outputCanShow(meaningOf(strong[0], lang), title)
        : spokenFor.length > 0
          ? words.speaksToOthers(spokenFor.map((c) => c.title))
          : words.wouldNotSeparate;
    const strength = readsTelling ? Number.POSITIVE_INFINITY : strong.length > 0 ? weightOf(strong[0], cause) : 0;
    return [
      {
        id: node.id,
        kind: "command",
        label: shown.title,
        title: shown.title,
        command: node.command.default,
        right: strength > 0,
        why,
        strength,
        speaksToOthers: spokenFor.length > 0,
        namesACause: namesACause(node.title),
      },
    ];
  });
  if (rated.some((step) => step.right)) return rated.map(({ answered: _answered, ...step }) => step);

  const concluding = stepsConcluding(tree, cause);
  return rated.map(({ answered, ...step }) =>
    concluding.has(step.id) && !answered ? { ...step, right: true, strength: 1, why: words.treeConcludes(title) } : step,
  );
}

/**
 * The strongest right steps, wrong commands that look plausible, and one question; undefined when
 * too few of either. A label that names an offered cause gets redacted, so the picks avoid such
 * labels, and when a right step has one, wrong steps with one come too: a redaction must not point
 * at the answer.
 */
function chooseSteps(caseId: string, rated: RatedStep[]): RatedStep[] | undefined {
  const right = rated
    .filter((s) => s.right)
    .sort((a, b) => Number(a.namesACause) - Number(b.namesACause) || b.strength - a.strength)
    .slice(0, MAX_RIGHT_CHOICES);
  const matchRedaction = right.some((s) => s.namesACause);
  const byRedaction = (a: RatedStep, b: RatedStep) => (Number(a.namesACause) - Number(b.namesACause)) * (matchRedaction ? -1 : 1);
  const wrong = (kind: DrillStep["kind"]) =>
    shuffleBy(
      rated.filter((s) => !s.right && s.kind === kind),
      caseId,
      (s) => s.id,
    );
  const wrongCommands = wrong("command").sort((a, b) => byRedaction(a, b) || Number(b.speaksToOthers) - Number(a.speaksToOthers));
  const picks = [...right, ...wrongCommands.slice(0, COMMAND_CHOICES - right.filter((s) => s.kind === "command").length)];
  if (!picks.some((s) => s.kind === "ask")) picks.push(...wrong("ask").sort(byRedaction).slice(0, 1));
  if (right.length === 0 || picks.filter((s) => !s.right).length < MIN_WRONG_CHOICES) return undefined;
  return shuffleBy(picks, caseId, (s) => s.id);
}

/** The quoted output whose signals weigh most for the cause, with those signals; none when no output does. */
function findTellingOutput(outputs: QuotedOutput[], cause: RootCauseId): { output: QuotedOutput; signals: Signal[] } | undefined {
  let best: { output: QuotedOutput; signals: Signal[]; strength: number } | undefined;
  for (const output of outputs) {
    const signals = extractEvidence({ description: "", outputs: [{ text: output.text }] }).filter((s) => weightOf(s.id, cause) > 0);
    const strength = [...new Set(signals.map((s) => s.id))].reduce((sum, id) => sum + weightOf(id, cause), 0);
    if (strength > (best?.strength ?? 0)) best = { output, signals, strength };
  }
  return best && { output: best.output, signals: best.signals };
}

function fail<T>(reason: string): BuildResult<T> {
  return { ok: false, reason };
}

import type { RootCauseId } from "../content/root-cause-ids";
import type { Signal } from "../evidence/signal";
import { groupOf, weightOf } from "../evidence/signals";
import type { SignalId } from "../evidence/vocabulary";
import type { TriageKnowledge } from "./knowledge";
import type { Lang } from "./language";
import { textModelEvidence, type WordingEvidence } from "./text-model";
import { detailIn, meaningOf, WORDS } from "./words";

export type EvidenceItem = {
  /**
   * The signal; "triage-path" for the symptom chosen or the tree leaf reached; "wording" for what
   * the ticket's words share with confirmed tickets of the cause (the text model).
   */
  signal: SignalId | "triage-path" | "wording";
  effect: "for" | "against";
  /** Log-likelihood ratio this observation adds to the cause (nats). */
  weight: number;
  line: string;
  source: string;
  /** What the signal means, in the result's language (signals only). */
  meaning?: string;
  /**
   * The parser's own note on a reading ("ListenOverflows rose by 1204 between snapshots", in English);
   * a Chinese result leaves out the English note of the prose reader, whose line and meaning say it all.
   */
  detail?: string;
};

export type RankedCause = {
  id: RootCauseId;
  title: string;
  /** Posterior probability given all evidence, 0..1. */
  score: number;
  evidence: EvidenceItem[];
  cases: string[];
};

/** Extra log-odds for causes an explicit entry symptom or a reached tree leaf points at. */
export type CauseBoost = { cause: RootCauseId; weight: number; reason: string };

/**
 * How much the text model counts against the rules, in log-odds per unit of its score: chosen by
 * five-fold cross-validation on the confirmed tickets (content/tickets), never on a holdout set.
 */
export const TEXT_MODEL_WEIGHT = 0.5;
/**
 * Divides every cause's log-odds before they become probabilities, so that a score means what it
 * says: fitted by `npm run triage:evaluate` on out-of-fold scores of the confirmed tickets.
 */
export const SCORE_TEMPERATURE = 0.5;
/** Wording that moves a cause by less than this is not listed as evidence. */
const SHOWN_WORDING_WEIGHT = 0.3;

/** Describes where a signal came from, for people: "description", "output 2 (netstat -s)", "answer: q". */
export function describeSource(signal: Signal, lang: Lang = "en"): string {
  const source = signal.source;
  const words = WORDS[lang];
  if (source.kind === "description") return words.description;
  if (source.kind === "answer") return words.answerTo(source.questionId);
  return `${words.output(source.index)}${source.command ? ` (${source.command})` : ""}`;
}

/**
 * One representative per signal id: the same observation seen twice (in the text and in an
 * output) counts once. Outputs and answers win over the free text. Pure.
 */
export function distinctSignals(signals: Signal[]): Signal[] {
  const rank = (s: Signal) => (s.source.kind === "description" ? (s.parser === "text" ? 2 : 1) : 0);
  const best = new Map<SignalId, Signal>();
  for (const signal of signals) {
    const current = best.get(signal.id);
    if (!current || rank(signal) < rank(current)) best.set(signal.id, signal);
  }
  return [...best.values()];
}

/** A cumulative counter seen once (since boot) counts this fraction of a rise between snapshots. */
export const SINCE_BOOT_FACTOR = 0.5;

/** What one observed signal weighs for a cause: its defined weight, reduced for a since-boot total. */
export const signalWeight = (signal: Signal, cause: RootCauseId): number => weightOf(signal.id, cause) * (signal.sinceBoot ? SINCE_BOOT_FACTOR : 1);

/**
 * The signals that count for `cause`: one per group of near-synonyms (the same observation read
 * several ways), the member whose weight for the cause is largest in magnitude; signals with no
 * weight for the cause are left out.
 */
export function strongestPerGroup(observed: Signal[], cause: RootCauseId): Signal[] {
  const best = new Map<string, { signal: Signal; weight: number }>();
  for (const signal of observed) {
    const weight = signalWeight(signal, cause);
    if (weight === 0) continue;
    const group = groupOf(signal.id);
    const current = best.get(group);
    if (!current || Math.abs(weight) > Math.abs(current.weight)) best.set(group, { signal, weight });
  }
  return [...best.values()].map((b) => b.signal);
}

/**
 * Scores every root cause from priors plus the weight of each distinct signal, and explains
 * each score with the evidence for and against, in `lang` (which changes no score). Returns all
 * causes, best first. Pure.
 */
export function rankRootCauses(signals: Signal[], knowledge: TriageKnowledge, boosts: CauseBoost[] = [], wording = "", lang: Lang = "en"): RankedCause[] {
  const phrases = WORDS[lang];
  const observed = distinctSignals(signals);
  const fromWording = wording ? textModelEvidence(knowledge.textModel, wording) : new Map<RootCauseId, WordingEvidence>();
  const logits = knowledge.causes.map(({ id, title }) => {
    const evidence: EvidenceItem[] = [];
    let logit = knowledge.logPriors.get(id) ?? 0;
    for (const signal of strongestPerGroup(observed, id)) {
      const weight = signalWeight(signal, id);
      logit += weight;
      evidence.push({
        signal: signal.id,
        effect: weight > 0 ? "for" : "against",
        weight,
        line: signal.line,
        source: describeSource(signal, lang),
        meaning: meaningOf(signal.id, lang),
        ...detailIn(signal, lang),
      });
    }
    for (const boost of boosts.filter((b) => b.cause === id)) {
      logit += boost.weight;
      evidence.push({ signal: "triage-path", effect: "for", weight: boost.weight, line: boost.reason, source: phrases.triagePath });
    }
    const words = fromWording.get(id);
    if (words) {
      const weight = TEXT_MODEL_WEIGHT * words.score;
      logit += weight;
      if (Math.abs(weight) >= SHOWN_WORDING_WEIGHT) {
        evidence.push({
          signal: "wording",
          effect: weight > 0 ? "for" : "against",
          weight,
          line: words.terms.join(", "),
          source: phrases.wording,
          detail: weight > 0 ? phrases.wordingFor : phrases.wordingAgainst,
        });
      }
    }
    evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    return { id, title, logit, evidence };
  });

  const probabilities = softmax(logits.map((l) => l.logit / SCORE_TEMPERATURE));
  return logits
    .map((l, i) => ({ id: l.id, title: l.title, score: probabilities[i], evidence: l.evidence, cases: knowledge.casesByCause.get(l.id) ?? [] }))
    .sort((a, b) => b.score - a.score);
}

export function softmax(values: number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

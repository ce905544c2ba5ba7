import type { RootCauseId } from "../content/root-cause-ids";
import type { Signal } from "../evidence/signal";
import type { SignalId } from "../evidence/vocabulary";
import type { TriageKnowledge } from "./knowledge";
import { weightOf } from "../evidence/signals";

export type EvidenceItem = {
  /** The signal, or "triage-path" for the symptom chosen or the tree leaf reached. */
  signal: SignalId | "triage-path";
  effect: "for" | "against";
  /** Log-likelihood ratio this observation adds to the cause (nats). */
  weight: number;
  line: string;
  source: string;
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

/** Describes where a signal came from, for people: "description", "output 2 (netstat -s)", "answer to q". */
export function describeSource(signal: Signal): string {
  const source = signal.source;
  if (source.kind === "description") return "description";
  if (source.kind === "answer") return `answer: ${source.questionId}`;
  return `output ${source.index + 1}${source.command ? ` (${source.command})` : ""}`;
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

/**
 * Scores every root cause from priors plus the weight of each distinct signal, and explains
 * each score with the evidence for and against. Returns all causes, best first. Pure.
 */
export function rankRootCauses(signals: Signal[], knowledge: TriageKnowledge, boosts: CauseBoost[] = []): RankedCause[] {
  const observed = distinctSignals(signals);
  const logits = knowledge.causes.map(({ id, title }) => {
    const evidence: EvidenceItem[] = [];
    let logit = knowledge.logPriors.get(id) ?? 0;
    for (const signal of observed) {
      const weight = weightOf(signal.id, id);
      if (!weight) continue;
      logit += weight;
      evidence.push({
        signal: signal.id,
        effect: weight > 0 ? "for" : "against",
        weight,
        line: signal.line,
        source: describeSource(signal),
        ...(signal.detail ? { detail: signal.detail } : {}),
      });
    }
    for (const boost of boosts.filter((b) => b.cause === id)) {
      logit += boost.weight;
      evidence.push({ signal: "triage-path", effect: "for", weight: boost.weight, line: boost.reason, source: "triage path" });
    }
    evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    return { id, title, logit, evidence };
  });

  const probabilities = softmax(logits.map((l) => l.logit));
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

import type { RootCauseId } from "../content/root-cause-ids";
import type { Signal } from "../evidence/signal";
import { weightOf, weightsOf } from "../evidence/signals";
import type { SignalId } from "../evidence/vocabulary";
import type { Lang } from "../triage/language";
import { detailIn, meaningOf } from "../triage/words";
import type { EvidenceLine } from "./exercise";

/** A weight from this value up is "typical of the cause" (see lib/evidence/signals/define.ts). */
export const STRONG_WEIGHT = 1.5;

/** True when the rules weigh the signal for or against any cause: it matters to a diagnosis. */
export const isDiagnostic = (signal: SignalId): boolean => weightsOf(signal).some(([, weight]) => weight !== 0);

/** Signals among `signals` that are typical of the cause, strongest first. */
export function strongSignalsFor(signals: Iterable<SignalId>, cause: RootCauseId): SignalId[] {
  return [...new Set(signals)].filter((s) => weightOf(s, cause) >= STRONG_WEIGHT).sort((a, b) => weightOf(b, cause) - weightOf(a, cause));
}

/**
 * Explains signals in plain words (in `lang`), one per signal id, each with the causes it speaks for.
 * `causes` limits the list (the causes a drill offers); without it the three causes it favours most
 * are named. A Chinese line leaves out the prose reader's English note ("the ticket says ...").
 */
export function describeEvidence(signals: Signal[], titleOf: (id: RootCauseId) => string, causes?: RootCauseId[], lang: Lang = "en"): EvidenceLine[] {
  const seen = new Set<SignalId>();
  return signals.flatMap((signal) => {
    if (seen.has(signal.id) || !isDiagnostic(signal.id)) return [];
    seen.add(signal.id);
    const weights = weightsOf(signal.id);
    const favours = weights
      .filter(([id, weight]) => weight > 0 && (!causes || causes.includes(id)))
      .sort((a, b) => b[1] - a[1])
      .slice(0, causes ? undefined : 3)
      .map(([id, weight]) => ({ id, title: titleOf(id), weight }));
    return [{ signal: signal.id, meaning: meaningOf(signal.id, lang), line: signal.line, ...detailIn(signal, lang), favours }];
  });
}

import type { RootCauseId } from "../content/root-cause-ids";
import type { Signal } from "../evidence/signal";
import { weightOf, weightsOf, type SignalId } from "../evidence/signals";

/**
 * What makes an observation decisive for a cause, defined once for every signal:
 * - it was read from output (a pasted command output, or output pasted into the ticket), not from
 *   the ticket's prose or an answer: words are circumstance;
 * - a cumulative counter counts only when it rose between two snapshots (one snapshot since boot
 *   says nothing about now);
 * - it is how the cause shows itself (weight of at least DECISIVE_WEIGHT) and no other cause
 *   explains it as well;
 * - it is not a symptom (what the user sees), which many causes share.
 */
export const DECISIVE_WEIGHT = 2;

/** Symptoms: what the client sees, never proof of one mechanism. */
const SYMPTOMS = new Set<SignalId>([
  "conn-timeout",
  "conn-refused",
  "conn-reset",
  "empty-reply",
  "http-5xx",
  "http-502",
  "http-504",
  "slow-first-byte",
  "slow-connect",
  "slow-name-lookup",
  "resolve-failed",
  "dns-timeout",
  "dns-slow-5s",
  "no-route-to-host",
]);

function isObservation(signal: Signal): boolean {
  return signal.source.kind !== "answer" && signal.parser !== "text" && signal.parser !== "answer";
}

/**
 * Whether a signal shows a rise: none of what its parser read from the same paste is a counter total
 * since boot (a single snapshot). Counter-derived signals (PAWS rejects tracking listen drops) follow
 * the counters they were read from.
 */
export function showsRise(signal: Signal, all: Signal[]): boolean {
  const sameSource = (s: Signal) => s.parser === signal.parser && JSON.stringify(s.source) === JSON.stringify(signal.source);
  return !all.some((s) => s.sinceBoot && sameSource(s));
}

/** Whether a signal, as a kind of evidence, can ever be decisive for a cause (what a step could reveal). */
export function canDecide(signal: SignalId, cause: RootCauseId): boolean {
  if (SYMPTOMS.has(signal)) return false;
  const weight = weightOf(signal, cause);
  if (weight < DECISIVE_WEIGHT) return false;
  return weightsOf(signal).every(([other, w]) => other === cause || w < weight);
}

/** The observations that decide for a cause. Pure. */
export function decisiveEvidence(cause: RootCauseId, signals: Signal[]): Signal[] {
  return signals.filter((s) => isObservation(s) && canDecide(s.id, cause) && showsRise(s, signals));
}

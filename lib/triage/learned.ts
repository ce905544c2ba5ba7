import type { RootCauseId } from "../content/root-cause-ids";

/** A confirmed triage session read as a labelled ticket: what the engineer pasted and the cause they confirmed. */
export type LearnedTicket = { id: string; cause: RootCauseId; description: string; outputs: { command?: string; text: string }[] };

/** A problem case published in the app with a confirmed cause, as the engine learns from it (text: see caseText). */
export type LearnedCase = { id: string; cause: RootCauseId; text: string };

/**
 * What the engine learns from besides the repository: confirmed sessions and published in-app cases,
 * each newest first, and a key that changes whenever either does.
 */
export type LearnedSet = { key: string; tickets: LearnedTicket[]; cases: LearnedCase[] };

export const NOTHING_LEARNED: LearnedSet = { key: "none", tickets: [], cases: [] };

/**
 * At most this many confirmed sessions of one cause, and as many in-app cases of it, add to its prior
 * (a burst of one kind cannot drown the rest).
 */
export const MAX_LEARNED_PRIOR_PER_CAUSE = 10;
/** At most this many confirmed sessions of one cause (the most recent) train the text model; the same for in-app cases. */
export const MAX_LEARNED_TEXTS_PER_CAUSE = 50;

/** The first `max` items of each cause, in the given order (newest first when the caller sorts so). */
export function boundPerCause<T extends { cause: RootCauseId }>(items: T[], max: number): T[] {
  const seen = new Map<RootCauseId, number>();
  return items.filter((item) => {
    const count = seen.get(item.cause) ?? 0;
    seen.set(item.cause, count + 1);
    return count < max;
  });
}

import type { RootCauseId } from "../content/root-cause-ids";

/** A confirmed triage session read as a labelled ticket: what the engineer pasted and the cause they confirmed. */
export type LearnedTicket = { id: string; cause: RootCauseId; description: string; outputs: { command?: string; text: string }[] };

/** The confirmed sessions the engine learns from, and a key that changes whenever they do. */
export type LearnedSet = { key: string; tickets: LearnedTicket[] };

export const NOTHING_LEARNED: LearnedSet = { key: "none", tickets: [] };

/** At most this many confirmed sessions of one cause add to its prior (a burst of one kind cannot drown the rest). */
export const MAX_LEARNED_PRIOR_PER_CAUSE = 10;
/** At most this many confirmed sessions of one cause (the most recent) train the text model. */
export const MAX_LEARNED_TEXTS_PER_CAUSE = 50;

/** The first `max` tickets of each cause, in the given order (newest first when the caller sorts so). */
export function boundPerCause(tickets: LearnedTicket[], max: number): LearnedTicket[] {
  const seen = new Map<RootCauseId, number>();
  return tickets.filter((ticket) => {
    const count = seen.get(ticket.cause) ?? 0;
    seen.set(ticket.cause, count + 1);
    return count < max;
  });
}

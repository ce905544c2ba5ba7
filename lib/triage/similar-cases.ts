import type { RootCauseId } from "../content/root-cause-ids";
import type { Signal } from "../evidence/signal";
import type { RankedCause } from "./rank";
import { shortMeaning } from "./words";

/** Longest query the search API takes. */
export const MAX_SIMILAR_QUERY = 2000;
/** How much of the ticket's own words the query keeps. */
const TICKET_WORDS = 600;

/** What the similar-cases search needs: a query from what the engine read, and the cause to list first. */
export type SimilarCasesRequest = { query: string; cause?: RootCauseId };

/**
 * The search for past cases like this ticket, built from what the engine read rather than raw output
 * lines: the ticket's own words, what each signal means, and the leading causes' titles. When the
 * evidence points at the leading cause, its cases are listed first. Pure.
 */
export function similarCasesRequest(description: string, result: { signals: Signal[]; rootCauses: RankedCause[] }): SimilarCasesRequest {
  const meanings = [...new Set(result.signals.filter((s) => s.source.kind !== "answer").map((s) => shortMeaning(s.id)))];
  const leaders = result.rootCauses.slice(0, 2).map((c) => c.title);
  const query = [description.trim().slice(0, TICKET_WORDS), ...leaders, ...meanings].join("\n").slice(0, MAX_SIMILAR_QUERY);
  const [leader] = result.rootCauses;
  const pointed = leader?.evidence.some((e) => e.effect === "for" && e.signal !== "triage-path");
  return { query, ...(leader && pointed ? { cause: leader.id } : {}) };
}

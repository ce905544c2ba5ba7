// Client-safe: imports nothing, so the browser bundle does not pull the signal definitions.

/** Merges the leading cause's hits (first) with the general ones, each case once. */
export function mergeSimilarHits<T extends { id: string }>(causeHits: T[], hits: T[], limit = 5): T[] {
  const seen = new Set<string>();
  return [...causeHits, ...hits].filter((hit) => !seen.has(hit.id) && Boolean(seen.add(hit.id))).slice(0, limit);
}

import { normalizeText, scanRuns, stem, termsOfRun } from "./tokenize";

/** A highlighted stretch of text: UTF-16 offsets, end exclusive. */
export type Range = [start: number, end: number];

export type Matches = { ranges: Range[]; matched: Set<string> };

/**
 * Where the index terms in `terms` occur in text: a word run (tcp_tw_recycle, insert_failed=12) is
 * highlighted whole when any of its terms matches; in Han text, each matching bigram. Also returns
 * which terms matched. Linear in the text length.
 */
export function findMatches(text: string, terms: ReadonlySet<string>): Matches {
  const ranges: Range[] = [];
  const matched = new Set<string>();
  for (const run of scanRuns(text)) {
    if (run.han) {
      const single = run.text.length === 1;
      for (let i = 0; i < (single ? 1 : run.text.length - 1); i++) {
        const gram = single ? run.text : run.text.slice(i, i + 2);
        if (!terms.has(gram)) continue;
        matched.add(gram);
        addRange(ranges, run.start + i, run.start + i + gram.length);
      }
      continue;
    }
    const hits = termsOfRun({ ...run, text: normalizeText(run.text) }).map(stem).filter((term) => terms.has(term));
    if (hits.length === 0) continue;
    for (const hit of hits) matched.add(hit);
    addRange(ranges, run.start, run.end);
  }
  return { ranges, matched };
}

// Ranges arrive in order; overlapping or touching ones merge.
function addRange(ranges: Range[], start: number, end: number): void {
  const last = ranges[ranges.length - 1];
  if (last && start <= last[1]) last[1] = Math.max(last[1], end);
  else ranges.push([start, end]);
}

/** Cuts text to at most `max` characters around its first range, with ellipses, and shifts the ranges. */
export function excerpt(text: string, ranges: Range[], max: number): { text: string; ranges: Range[] } {
  if (text.length <= max) return { text, ranges };
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(max / 4), text.length - max));
  const end = start + max;
  const prefix = start > 0 ? "…" : "";
  const shifted = ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): Range => [Math.max(s, start) - start + prefix.length, Math.min(e, end) - start + prefix.length]);
  return { text: `${prefix}${text.slice(start, end).trimEnd()}${end < text.length ? "…" : ""}`, ranges: shifted };
}

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
  for (const { term, start, end } of termsWithPlaces(text)) {
    if (!terms.has(term)) continue;
    matched.add(term);
    addRange(ranges, start, end);
  }
  return { ranges, matched };
}

/** Every index term findMatches can match in text. */
export function termsOf(text: string): Set<string> {
  return new Set(termsWithPlaces(text).map((t) => t.term));
}

// A Han bigram's place is its own; a word-run term's place is the whole run.
function termsWithPlaces(text: string): { term: string; start: number; end: number }[] {
  const found: { term: string; start: number; end: number }[] = [];
  for (const run of scanRuns(text)) {
    if (run.han) {
      const single = run.text.length === 1;
      for (let i = 0; i < (single ? 1 : run.text.length - 1); i++) {
        const gram = single ? run.text : run.text.slice(i, i + 2);
        found.push({ term: gram, start: run.start + i, end: run.start + i + gram.length });
      }
      continue;
    }
    for (const term of termsOfRun({ ...run, text: normalizeText(run.text) })) found.push({ term: stem(term), start: run.start, end: run.end });
  }
  return found;
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

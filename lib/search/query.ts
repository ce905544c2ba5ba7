import { deletionsOf, TYPO_CANDIDATE, type SearchIndex } from "./search-index";
import { stem, tokenize } from "./tokenize";

/** A term to look up: the index term, the text fuse.js matches, and how much it counts. */
export type QueryTerm = { term: string; surface: string; weight: number; match: "exact" | "typo" | "prefix" };

export type AnalyzedQuery = {
  terms: QueryTerm[];
  /** True when the query was long (a pasted log) and only its salient terms were kept. */
  reduced: boolean;
};

/** Past this many distinct terms a query is treated as pasted text and reduced. */
export const LONG_QUERY_TERMS = 12;
/** How many salient terms a long query keeps. */
export const SALIENT_TERMS = 12;

const TYPO_WEIGHT = 0.8;
const PREFIX_WEIGHT = 0.7;
const MAX_PREFIX_COMPLETIONS = 5;

/**
 * Turns what the person typed or pasted into weighted index terms. Short queries keep every term,
 * correct unknown words to index words one edit away and complete an unfinished last word. Long ones
 * keep only the SALIENT_TERMS rarest known terms: counter names, error words and commands outlast
 * timestamps, hostnames and numbers. Linear in the query length (plus sorting its distinct terms).
 */
export function analyzeQuery(index: SearchIndex, query: string): AnalyzedQuery {
  const surfaces = tokenize(query);
  const firstSurface = new Map<string, string>();
  for (const surface of surfaces) {
    const term = stem(surface);
    if (!firstSurface.has(term)) firstSurface.set(term, surface);
  }
  if (firstSurface.size > LONG_QUERY_TERMS) return { terms: salientTerms(index, firstSurface), reduced: true };

  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (term: QueryTerm) => {
    if (seen.has(term.term)) return;
    seen.add(term.term);
    terms.push(term);
  };
  const unfinished = /[\p{L}\p{N}_]$/u.test(query);
  const lastTerm = surfaces.length > 0 ? stem(surfaces[surfaces.length - 1]) : undefined;
  for (const [term, surface] of firstSurface) {
    if (index.termNumbers.has(term)) {
      add({ term, surface, weight: 1, match: "exact" });
      continue;
    }
    for (const word of correctTypo(index, term)) add({ term: word, surface: word, weight: TYPO_WEIGHT, match: "typo" });
    if (unfinished && term === lastTerm) {
      for (const word of completePrefix(index, term)) add({ term: word, surface: word, weight: PREFIX_WEIGHT, match: "prefix" });
    }
  }
  return { terms, reduced: false };
}

/** The rarest known terms of a long text; technical tokens (with joiners) count extra. */
function salientTerms(index: SearchIndex, firstSurface: Map<string, string>): QueryTerm[] {
  const scored: { term: string; surface: string; salience: number }[] = [];
  for (const [term, surface] of firstSurface) {
    const number = index.termNumbers.get(term);
    if (number === undefined || !isSalientShape(term)) continue;
    const technical = /[_.:/-]/.test(term) || /[a-z]\d|\d[a-z]/.test(term);
    scored.push({ term, surface, salience: index.idf[number] * (technical ? 1.5 : 1) });
  }
  scored.sort((a, b) => b.salience - a.salience);
  return scored.slice(0, SALIENT_TERMS).map(({ term, surface }) => ({ term, surface, weight: 1, match: "exact" }));
}

// Numbers alone are kept only when short enough to be a status code, a port or an MTU (502, 4789, 1350).
function isSalientShape(term: string): boolean {
  return /\p{L}/u.test(term) || /^\d{3,5}$/.test(term);
}

/** Index words one edit (insertion, deletion, substitution or swap) away from term, most frequent first, at most two. */
function correctTypo(index: SearchIndex, term: string): string[] {
  if (!TYPO_CANDIDATE.test(term)) return [];
  const found = new Set<number>();
  for (const key of deletionsOf(term)) {
    for (const t of index.typoNeighbours.get(key) ?? []) {
      if (!found.has(t) && boundedEditDistance(term, index.terms[t], 1) === 1) found.add(t);
    }
  }
  return [...found]
    .sort((a, b) => index.postingDocs[b].length - index.postingDocs[a].length || a - b)
    .slice(0, 2)
    .map((t) => index.terms[t]);
}

/** The most frequent index terms that start with prefix (for a word still being typed). */
function completePrefix(index: SearchIndex, prefix: string): string[] {
  if (prefix.length < 2) return [];
  const matches: { word: string; df: number }[] = [];
  const lists = [
    { sorted: index.terms, end: index.sortedTermCount },
    { sorted: index.addedTerms, end: index.addedTerms.length },
  ];
  for (const { sorted, end } of lists) {
    for (let t = lowerBound(sorted, prefix, end); t < end && sorted[t].startsWith(prefix); t++) {
      const number = index.termNumbers.get(sorted[t]);
      if (number !== undefined) matches.push({ word: sorted[t], df: index.postingDocs[number].length });
    }
  }
  matches.sort((a, b) => b.df - a.df);
  return matches.slice(0, MAX_PREFIX_COMPLETIONS).map((m) => m.word);
}

/** The first position before `end` in a sorted list whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string, end: number): number {
  let low = 0;
  let high = end;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Optimal-string-alignment distance (edits plus adjacent swaps) when it is at most max, else max + 1.
 * Only the diagonal band of width 2*max+1 is computed.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(max + 1);
  let previous = Array.from({ length: width }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(width).fill(max + 1);
    current[0] = i;
    let rowMin = current[0];
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], max + 1);
}

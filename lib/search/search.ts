import Fuse from "fuse.js";

import { FIELD_WEIGHTS, type SearchDocument, type SearchKind } from "./documents";
import { analyzeQuery, type AnalyzedQuery } from "./query";
import type { SearchIndex } from "./search-index";
import { tokenize } from "./tokenize";

export type SearchFilters = { platform?: string; layer?: string; cause?: string; type?: string };

export type SearchOptions = {
  limit?: number;
  /** Which entries to return; both by default. */
  kinds?: readonly SearchKind[];
  filters?: SearchFilters;
};

export type RankedDocument = { document: SearchDocument; score: number };

export const DEFAULT_LIMIT = 10;
/** How many candidates the inverted index hands to fuse.js for ranking. */
export const CANDIDATES = Number(process.env.CANDS ?? 30);

// The short, high-signal fields fuse.js compares; the body counts through the inverted index only.
const FUSE_KEYS = ((process.env.KEYS ?? "title,titleZh,aliases,errorStrings,symptoms,commands,tags").split(",") as ("title")[]).map((name) => ({
  name,
  weight: FIELD_WEIGHTS[name],
}));
const FUSE_OPTIONS = {
  keys: FUSE_KEYS,
  useTokenSearch: true,
  ...(process.env.DEFTOK ? {} : { tokenize }),
  ignoreLocation: true,
  includeScore: true,
  // one typo in 4 characters, none in 3 or fewer
  threshold: 0.3,
} as const;

// Share of the final score from each stage: the inverted index (BM25F over every field) and fuse.js.
const INDEX_SHARE = Number(process.env.SHARE ?? 0.5);

/**
 * Ranks documents for a query, best first, with scores in (0, 1]. Two stages: an inverted index
 * (BM25F) picks CANDIDATES documents, then fuse.js token search over their short fields re-ranks
 * them. Pure; an empty query returns no results.
 */
export function rankContent(index: SearchIndex, query: string, options: SearchOptions = {}): RankedDocument[] {
  return rankAnalyzed(index, analyzeQuery(index, query), options);
}

export function rankAnalyzed(index: SearchIndex, analyzed: AnalyzedQuery, { limit = DEFAULT_LIMIT, kinds, filters }: SearchOptions = {}): RankedDocument[] {
  if (analyzed.terms.length === 0) return [];
  const accept = documentFilter(kinds, filters);
  const candidates = topCandidates(index, analyzed, accept);
  if (candidates.length === 0) return [];

  const best = candidates[0].score;
  const fuse = new Fuse(
    candidates.map((c) => index.documents[c.doc]),
    FUSE_OPTIONS,
  );
  const fuseScores = new Map<number, number>();
  if (!process.env.SKIPFUSE) for (const result of fuse.search(analyzed.terms.map((t) => t.surface).join(" "))) fuseScores.set(result.refIndex, result.score ?? 1);

  return candidates
    .map((candidate, i) => ({
      document: index.documents[candidate.doc],
      score: round(INDEX_SHARE * (candidate.score / best) + (1 - INDEX_SHARE) * (1 - (fuseScores.get(i) ?? 1))),
    }))
    .sort((a, b) => b.score - a.score || a.document.id.localeCompare(b.document.id))
    .slice(0, limit);
}

/** The CANDIDATES best documents by BM25F over the analysed terms, among those the filter accepts. */
function topCandidates(index: SearchIndex, analyzed: AnalyzedQuery, accept: (doc: SearchDocument) => boolean): { doc: number; score: number }[] {
  const scores = new Float64Array(index.documents.length);
  const touched: number[] = [];
  for (const { term, weight } of analyzed.terms) {
    const t = index.termNumbers.get(term);
    if (t === undefined) continue;
    const docs = index.postingDocs[t];
    const weights = index.postingWeights[t];
    const factor = index.idf[t] * weight;
    for (let i = 0; i < docs.length; i++) {
      if (scores[docs[i]] === 0) touched.push(docs[i]);
      scores[docs[i]] += factor * weights[i];
    }
  }
  const top: { doc: number; score: number }[] = [];
  for (const doc of touched) {
    const score = scores[doc];
    if (top.length === CANDIDATES && score <= top[top.length - 1].score) continue;
    if (!accept(index.documents[doc])) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].score < score) at--;
    top.splice(at, 0, { doc, score });
    if (top.length > CANDIDATES) top.pop();
  }
  return top;
}

function documentFilter(kinds: readonly SearchKind[] | undefined, filters: SearchFilters = {}): (doc: SearchDocument) => boolean {
  return (doc) =>
    (!kinds || kinds.includes(doc.kind)) &&
    (!filters.platform || doc.platform.includes(filters.platform)) &&
    (!filters.layer || doc.layers.includes(filters.layer)) &&
    (!filters.cause || doc.causes.includes(filters.cause)) &&
    (!filters.type || doc.type === filters.type);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

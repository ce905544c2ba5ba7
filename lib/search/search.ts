import Fuse from "fuse.js";

import { FIELD_WEIGHTS, type SearchDocument, type SearchKind } from "./documents";
import { excerpt, findMatches, termsOf, type Range } from "./highlight";
import { analyzeQuery, type AnalyzedQuery } from "./query";
import type { SearchIndex } from "./search-index";
import { HAN_CHAR, normalizeText, tokenize } from "./tokenize";

export type SearchFilters = { platform?: string; layer?: string; cause?: string; type?: string };

export type SearchOptions = {
  limit?: number;
  /** Which entries to return; both by default. */
  kinds?: readonly SearchKind[];
  filters?: SearchFilters;
};

export type RankedDocument = { document: SearchDocument; score: number };

/** A result as pages and the API show it: what it is, where it lives, and why it matched. */
export type SearchHit = {
  id: string;
  kind: SearchKind;
  title: string;
  titleZh: string;
  url: string;
  /** Relevance in (0, 1], higher is better. */
  score: number;
  /** The line of the entry that best matches the query. */
  snippet: string;
  highlights: { title: Range[]; titleZh: Range[]; snippet: Range[] };
};

export const DEFAULT_LIMIT = 10;
/** How many of the inverted index's best candidates fuse.js re-ranks (its cost grows with each one). */
export const RERANK_DEPTH = 10;

// The titles name a case most precisely and are short, which keeps fuse.js cheap; every other
// field counts through the inverted index only.
const FUSE_OPTIONS = {
  keys: (["title", "titleZh"] as const).map((name) => ({ name, weight: FIELD_WEIGHTS[name] })),
  useTokenSearch: true,
  tokenize,
  ignoreLocation: true,
  includeScore: true,
  // one typo in 4 characters, none in 3 or fewer
  threshold: 0.3,
} as const;

// Share of the final score from each stage: the inverted index (BM25F over every field) and fuse.js.
const INDEX_SHARE = 0.5;

/**
 * Ranks documents for a query, best first, with scores in (0, 1]. Two stages: an inverted index
 * (BM25F over every field) finds the candidates, then fuse.js token search over the RERANK_DEPTH
 * best ones' titles, aliases and error strings re-ranks them (typo-tolerant, rare words weigh more).
 * Pure; a query with no known term returns no results.
 */
export function rankContent(index: SearchIndex, query: string, options: SearchOptions = {}): RankedDocument[] {
  return rankAnalyzed(index, analyzeQuery(index, query), options);
}

/** Like rankContent, with each result's snippet and the highlighted matches in title and snippet. */
export function searchContent(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const analyzed = analyzeQuery(index, query);
  const terms = new Set(analyzed.terms.map((t) => t.term));
  return rankAnalyzed(index, analyzed, options).map(({ document: doc, score }) => {
    const snippet = bestSnippet(doc, terms);
    return {
      id: doc.id,
      kind: doc.kind,
      title: doc.title,
      titleZh: doc.titleZh,
      url: doc.kind === "case" ? `/cases/${doc.id}` : `/causes/${doc.id}`,
      score,
      snippet: snippet.text,
      highlights: { title: findMatches(doc.title, terms).ranges, titleZh: findMatches(doc.titleZh, terms).ranges, snippet: snippet.ranges },
    };
  });
}

const SNIPPET_LENGTH = 180;

/** The line (error string, symptom, body line, alias) matching the most query terms; the first symptom when none does. */
function bestSnippet(doc: SearchDocument, terms: ReadonlySet<string>): { text: string; ranges: Range[] } {
  const probes = [...terms].map(probeOf);
  let best = { text: doc.symptoms[0] ?? "", count: 0 };
  for (const line of snippetLines(doc)) {
    if (!line.terms && !probes.some((probe) => line.folded.includes(probe))) continue;
    line.terms ??= termsOf(line.text);
    let count = 0;
    for (const term of terms) if (line.terms.has(term)) count++;
    if (count > best.count) best = { text: line.text, count };
  }
  return excerpt(best.text, findMatches(best.text, terms).ranges, SNIPPET_LENGTH);
}

/**
 * What a line must contain, lowercased, to yield `term`: a Han bigram itself; else the first three
 * characters of the word it was stemmed from (stemming only cuts a word's end, or turns -ies into -y).
 */
function probeOf(term: string): string {
  if (HAN_CHAR.test(term)) return term;
  return (term.endsWith("y") ? term.slice(0, -1) : term).slice(0, 3);
}

/** Documents whose snippet lines are kept: the repository's and the most recent hits of a large library. */
const SNIPPET_CACHE_DOCUMENTS = 1_000;
type SnippetLine = { text: string; folded: string; terms?: Set<string> };
// Each document's candidate snippet lines, lowercased as they are and as tokenized (NFKC). On a document's
// first hit a line's terms are worked out only when a query's probe is in it; from its second, all are.
// Least recently used first.
const snippetLineCache = new Map<SearchDocument, SnippetLine[]>();

function snippetLines(doc: SearchDocument): SnippetLine[] {
  let lines = snippetLineCache.get(doc);
  if (lines) {
    // A document hit again is likely to be hit often: every line's terms, so no line is probed again.
    snippetLineCache.delete(doc);
    for (const line of lines) line.terms ??= termsOf(line.text);
  } else
    lines = [...doc.errorStrings, ...doc.symptoms, ...doc.body.split("\n"), ...doc.bodyZh.split("\n"), ...doc.aliases].map((text) => {
      const lower = text.toLowerCase();
      const normalized = normalizeText(text).toLowerCase();
      return { text, folded: normalized === lower ? lower : `${lower}\n${normalized}` };
    });
  snippetLineCache.set(doc, lines);
  if (snippetLineCache.size > SNIPPET_CACHE_DOCUMENTS) snippetLineCache.delete(snippetLineCache.keys().next().value!);
  return lines;
}

function rankAnalyzed(index: SearchIndex, analyzed: AnalyzedQuery, { limit = DEFAULT_LIMIT, kinds, filters }: SearchOptions = {}): RankedDocument[] {
  if (analyzed.terms.length === 0) return [];
  const candidates = topCandidates(index, analyzed, Math.max(limit, RERANK_DEPTH), documentFilter(kinds, filters));
  if (candidates.length === 0) return [];

  const best = candidates[0].score;
  const fuse = new Fuse(
    candidates.slice(0, RERANK_DEPTH).map((c) => index.documents[c.doc]),
    FUSE_OPTIONS,
  );
  const fuseScores = new Map<number, number>();
  for (const result of fuse.search(analyzed.terms.map((t) => t.surface).join(" "))) fuseScores.set(result.refIndex, result.score ?? 1);

  return candidates
    .map((candidate, i) => ({
      document: index.documents[candidate.doc],
      score: round(INDEX_SHARE * (candidate.score / best) + (1 - INDEX_SHARE) * (1 - (fuseScores.get(i) ?? 1))),
    }))
    .sort((a, b) => b.score - a.score || a.document.id.localeCompare(b.document.id))
    .slice(0, limit);
}

/** The `count` best documents by BM25F over the analysed terms, among those the filter accepts. */
function topCandidates(index: SearchIndex, analyzed: AnalyzedQuery, count: number, accept: (doc: SearchDocument) => boolean): { doc: number; score: number }[] {
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
    if (top.length === count && score <= top[top.length - 1].score) continue;
    if (index.removed.has(doc) || !accept(index.documents[doc])) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].score < score) at--;
    top.splice(at, 0, { doc, score });
    if (top.length > count) top.pop();
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

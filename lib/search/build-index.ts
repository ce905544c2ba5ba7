import { FIELD_WEIGHTS, fieldValues, SEARCH_FIELDS, type SearchDocument } from "./documents";
import { indexTerms } from "./tokenize";

/** Bump whenever tokenizing, field weights or the stored shape change: cached indexes are then rebuilt. */
export const SEARCH_INDEX_VERSION = 2;

/** The prebuilt, JSON-serialisable index: documents plus an inverted index of stemmed terms. */
export type SearchIndexData = {
  version: number;
  documents: SearchDocument[];
  /** Every index term, sorted (prefix lookups binary-search it). */
  terms: string[];
  /** Parallel to `terms`: flat pairs of document number and BM25F term weight (before IDF). */
  postings: number[][];
};

// BM25 saturation and length normalisation, the usual defaults.
const K1 = 1.2;
const B = 0.75;

/**
 * Builds the inverted index (BM25F: field term frequencies weighted by FIELD_WEIGHTS and normalised
 * by field length, then saturated). Pure and deterministic for a given document order.
 */
export function buildSearchIndexData(documents: SearchDocument[]): SearchIndexData {
  const fieldCounts = documents.map((doc) =>
    SEARCH_FIELDS.map((field) => {
      const counts = new Map<string, number>();
      let length = 0;
      for (const value of fieldValues(doc, field)) {
        for (const term of indexTerms(value)) {
          counts.set(term, (counts.get(term) ?? 0) + 1);
          length++;
        }
      }
      return { counts, length };
    }),
  );
  // Average length of each field over all documents (1 for a field empty everywhere, to avoid dividing by 0).
  const averageLength = SEARCH_FIELDS.map((_, f) => {
    const total = fieldCounts.reduce((sum, fields) => sum + fields[f].length, 0);
    return total > 0 ? total / documents.length : 1;
  });

  const postingsByTerm = new Map<string, number[]>();
  fieldCounts.forEach((fields, docNumber) => {
    const weighted = new Map<string, number>();
    fields.forEach(({ counts, length }, f) => {
      const norm = 1 - B + (B * length) / averageLength[f];
      const weight = FIELD_WEIGHTS[SEARCH_FIELDS[f]];
      for (const [term, count] of counts) weighted.set(term, (weighted.get(term) ?? 0) + (weight * count) / norm);
    });
    for (const [term, tf] of weighted) {
      let list = postingsByTerm.get(term);
      if (!list) postingsByTerm.set(term, (list = []));
      list.push(docNumber, round((tf * (K1 + 1)) / (tf + K1)));
    }
  });

  const terms = [...postingsByTerm.keys()].sort();
  return { version: SEARCH_INDEX_VERSION, documents, terms, postings: terms.map((term) => postingsByTerm.get(term) ?? []) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

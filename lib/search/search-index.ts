import { buildSearchIndexData, type SearchIndexData } from "./build-index";
import type { SearchDocument } from "./documents";

/** The index in memory, ready to query. */
export type SearchIndex = {
  documents: SearchDocument[];
  /** Sorted index terms and, by term, its number. */
  terms: string[];
  termNumbers: Map<string, number>;
  postingDocs: Int32Array[];
  postingWeights: Float32Array[];
  /** BM25 inverse document frequency by term number. */
  idf: Float64Array;
  /**
   * Typo lookup (symmetric deletion): each plain-word term and each of its one-character deletions,
   * mapped to the term numbers. Two words within one edit share a key.
   */
  typoNeighbours: Map<string, number[]>;
  /** `terms` is sorted up to here; terms added later (lib/search/update-index.ts) follow, and are listed sorted in `addedTerms`. */
  sortedTermCount: number;
  addedTerms: string[];
  /** Numbers of documents taken out (replaced or removed) since the index was built. */
  removed: Set<number>;
  averageLengths: number[];
};

/** Terms a person can mistype and that typo correction may suggest: plain words of 4 to 24 characters. */
export const TYPO_CANDIDATE = /^[a-z][a-z_.-]{3,23}$/;

/** The word itself and every string one deleted character away from it. */
export function deletionsOf(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/** Turns prebuilt index data into the in-memory index. Pure. */
export function loadSearchIndex(data: SearchIndexData): SearchIndex {
  const count = data.documents.length;
  const idf = new Float64Array(data.terms.length);
  const postingDocs: Int32Array[] = [];
  const postingWeights: Float32Array[] = [];
  const typoNeighbours = new Map<string, number[]>();
  data.terms.forEach((term, t) => {
    const flat = data.postings[t];
    const docs = new Int32Array(flat.length / 2);
    const weights = new Float32Array(flat.length / 2);
    for (let i = 0; i < docs.length; i++) {
      docs[i] = flat[2 * i];
      weights[i] = flat[2 * i + 1];
    }
    postingDocs.push(docs);
    postingWeights.push(weights);
    idf[t] = Math.log(1 + (count - docs.length + 0.5) / (docs.length + 0.5));
    addTypoKeys(typoNeighbours, term, t);
  });
  return {
    documents: data.documents,
    terms: data.terms,
    termNumbers: new Map(data.terms.map((term, t) => [term, t])),
    postingDocs,
    postingWeights,
    idf,
    typoNeighbours,
    sortedTermCount: data.terms.length,
    addedTerms: [],
    removed: new Set(),
    averageLengths: data.averageLengths,
  };
}

/** Registers a term (number t) under its typo keys. */
export function addTypoKeys(typoNeighbours: Map<string, number[]>, term: string, t: number): void {
  if (!TYPO_CANDIDATE.test(term)) return;
  for (const key of deletionsOf(term)) {
    const list = typoNeighbours.get(key);
    if (list) list.push(t);
    else typoNeighbours.set(key, [t]);
  }
}

/** Builds and loads an index over documents in one step (tests, the benchmark, a cache miss). */
export function buildSearchIndex(documents: SearchDocument[]): SearchIndex {
  return loadSearchIndex(buildSearchIndexData(documents));
}

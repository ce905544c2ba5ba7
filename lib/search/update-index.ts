// Changes to a loaded index without a rebuild: published in-app cases are added, replaced and
// removed as they change. Added documents are weighted by the average field lengths the index was
// built with; inverse document frequencies follow the live document count.
import { documentTermWeights } from "./build-index";
import type { SearchDocument } from "./documents";
import { addTypoKeys, type SearchIndex } from "./search-index";

const keyOf = (doc: Pick<SearchDocument, "kind" | "id">) => `${doc.kind}:${doc.id}`;
const liveNumbers = new WeakMap<SearchIndex, Map<string, number>>();

/** Document number by kind and id, of the documents still in the index. */
function numbersOf(index: SearchIndex): Map<string, number> {
  let numbers = liveNumbers.get(index);
  if (!numbers) {
    numbers = new Map();
    index.documents.forEach((doc, n) => {
      if (!index.removed.has(n)) numbers!.set(keyOf(doc), n);
    });
    liveNumbers.set(index, numbers);
  }
  return numbers;
}

/**
 * Puts documents into the index, replacing any with the same kind and id, and takes out the
 * `removed` ones (by kind and id). Mutates the index in place; one pass per changed term.
 */
export function updateSearchIndex(
  index: SearchIndex,
  { upsert = [], remove = [] }: { upsert?: SearchDocument[]; remove?: Pick<SearchDocument, "kind" | "id">[] },
): void {
  const numbers = numbersOf(index);
  for (const doc of remove) {
    const old = numbers.get(keyOf(doc));
    if (old === undefined) continue;
    index.removed.add(old);
    numbers.delete(keyOf(doc));
  }
  const bulk = createBulkAdd(index);
  for (const doc of upsert) bulk.add(doc);
  bulk.commit(() => false);
}

/**
 * Adds many documents without holding the caller for long: `add` weighs one document and files its
 * terms (the costly part, run between other work), `commit` puts every added document into the index
 * in one cheap step (one concatenation per term). A document `isStale` rejects at commit (changed
 * since it was added, and applied by updateSearchIndex meanwhile) is left out.
 */
export function createBulkAdd(index: SearchIndex) {
  const added: SearchDocument[] = [];
  const pending = new Map<string, { ordinals: number[]; weights: number[] }>();
  return {
    add(doc: SearchDocument): void {
      const ordinal = added.length;
      added.push(doc);
      for (const [term, weight] of documentTermWeights(doc, index.averageLengths)) {
        let filed = pending.get(term);
        if (!filed) pending.set(term, (filed = { ordinals: [], weights: [] }));
        filed.ordinals.push(ordinal);
        filed.weights.push(weight);
      }
    },
    commit(isStale: (doc: SearchDocument) => boolean): void {
      const numbers = numbersOf(index);
      const base = index.documents.length;
      added.forEach((doc, ordinal) => {
        index.documents.push(doc);
        if (isStale(doc)) return void index.removed.add(base + ordinal);
        const old = numbers.get(keyOf(doc));
        if (old !== undefined) index.removed.add(old);
        numbers.set(keyOf(doc), base + ordinal);
      });
      const newTerms: string[] = [];
      for (const [term, { ordinals, weights }] of pending) {
        let t = index.termNumbers.get(term);
        if (t === undefined) {
          t = index.terms.length;
          index.terms.push(term);
          index.termNumbers.set(term, t);
          index.postingDocs.push(new Int32Array(0));
          index.postingWeights.push(new Float32Array(0));
          addTypoKeys(index.typoNeighbours, term, t);
          newTerms.push(term);
        }
        index.postingDocs[t] = concatInt(
          index.postingDocs[t],
          ordinals.map((ordinal) => base + ordinal),
        );
        index.postingWeights[t] = concatFloat(index.postingWeights[t], weights);
      }
      if (newTerms.length > 0) index.addedTerms = [...index.addedTerms, ...newTerms].sort();
      refreshIdf(index);
    },
  };
}

/** BM25 inverse document frequencies over the documents still in the index. */
function refreshIdf(index: SearchIndex): void {
  const count = index.documents.length - index.removed.size;
  const idf = new Float64Array(index.terms.length);
  for (let t = 0; t < index.terms.length; t++) {
    let df = 0;
    const docs = index.postingDocs[t];
    if (index.removed.size === 0) df = docs.length;
    else for (let i = 0; i < docs.length; i++) if (!index.removed.has(docs[i])) df++;
    idf[t] = Math.log(1 + (count - df + 0.5) / (df + 0.5));
  }
  index.idf = idf;
}

function concatInt(a: Int32Array, b: number[]): Int32Array {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function concatFloat(a: Float32Array, b: number[]): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

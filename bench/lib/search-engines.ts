import { Document } from "flexsearch";
import Fuse from "fuse.js";
import MiniSearch from "minisearch";

import { FIELD_WEIGHTS, fieldValues, SEARCH_FIELDS } from "../../lib/search/documents";
import { rankContent } from "../../lib/search/search";
import { buildSearchIndex } from "../../lib/search/search-index";
import type { SyntheticCase } from "./synthetic-corpus";

/** A search engine under test: build an index over the corpus, then answer queries with ids, best first. */
export type BenchEngine = {
  name: "netriage" | "fuse.js" | "minisearch" | "flexsearch";
  /** How the engine is configured, for the report. */
  setup: string;
  build(corpus: SyntheticCase[]): (query: string, limit: number) => string[];
};

const joinedField = (doc: SyntheticCase, field: string) => fieldValues(doc, field as (typeof SEARCH_FIELDS)[number]).join("\n");

export const BENCH_ENGINES: BenchEngine[] = [
  {
    name: "netriage",
    setup: "lib/search: inverted index (BM25F) for candidates, fuse.js token search ranks them",
    build(corpus) {
      const index = buildSearchIndex(corpus);
      return (query, limit) => rankContent(index, query, { limit, kinds: ["case"] }).map((hit) => hit.document.id);
    },
  },
  {
    name: "fuse.js",
    setup: "new Fuse(corpus, { keys: every field }) with default options",
    build(corpus) {
      const fuse = new Fuse(corpus, { keys: [...SEARCH_FIELDS] });
      return (query, limit) => fuse.search(query, { limit }).map((result) => result.item.id);
    },
  },
  {
    name: "minisearch",
    setup: "every field with our field weights as boosts, prefix and fuzzy 0.2, its own tokenizer",
    build(corpus) {
      const mini = new MiniSearch<SyntheticCase>({
        fields: [...SEARCH_FIELDS],
        extractField: joinedField as (doc: SyntheticCase, field: string) => string,
        searchOptions: { boost: { ...FIELD_WEIGHTS }, prefix: true, fuzzy: 0.2 },
      });
      mini.addAll(corpus);
      return (query, limit) =>
        mini
          .search(query)
          .slice(0, limit)
          .map((result) => String(result.id));
    },
  },
  {
    name: "flexsearch",
    setup: 'Document over every field (title first), tokenize "forward", search with suggest and merge, its own encoder',
    build(corpus) {
      const flex = new Document({ document: { id: "id", index: SEARCH_FIELDS.map((field) => ({ field, tokenize: "forward" as const })) } });
      for (const doc of corpus) flex.add(Object.fromEntries([["id", doc.id], ...SEARCH_FIELDS.map((field) => [field, joinedField(doc, field)])]));
      return (query, limit) =>
        flex
          .search(query, { limit, suggest: true, merge: true })
          .slice(0, limit)
          .map((result) => String(result.id));
    },
  },
];

import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { createContentLibrary } from "@/lib/content/library";
import { loadContent } from "@/lib/content/load-content";
import { toSearchDocuments } from "@/lib/search/documents";
import { rankContent } from "@/lib/search/search";
import { buildSearchIndex } from "@/lib/search/search-index";
import { measureRankingQuality, type BenchQuery } from "@/bench/lib/search-measure";

const CONTENT_DIR = path.join(import.meta.dirname, "../../content");
/** The development set (queries.json) and a held-out set written without seeing the search code. */
const QUERY_SETS = ["queries.json", "holdout-queries.json"].map((file) => ({
  file,
  queries: JSON.parse(fs.readFileSync(path.join(import.meta.dirname, file), "utf8")).queries as BenchQuery[],
}));
const { cases, rootCauses } = loadContent(CONTENT_DIR);
const documents = toSearchDocuments(createContentLibrary(cases, rootCauses));
const index = buildSearchIndex(documents);
/** Queries written from words that only the Chinese page of their case has (kind zh-body). */
const CHINESE_BODY_KIND = "zh-body";

describe.each(QUERY_SETS)("search quality on test/search/$file", ({ queries }) => {
  it("has at least 60 queries of every kind, each naming cases that exist", () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(queries.map((q) => q.kind).filter((kind) => kind !== CHINESE_BODY_KIND))).toEqual(
      new Set(["en", "zh", "typo", "error", "counter", "command", "log"]),
    );
    const caseIds = new Set(cases.map((c) => c.id));
    for (const query of queries) {
      expect(query.expected.length).toBeGreaterThan(0);
      for (const id of query.expected) expect(caseIds.has(id), `${query.query}: unknown case ${id}`).toBe(true);
    }
  });
  it("finds an expected case in the top 5 for at least 90% of the queries", () => {
    const results = queries.map((q) => rankContent(index, q.query, { limit: 10, kinds: ["case"] }).map((r) => r.document.id));
    const quality = measureRankingQuality(queries, results);
    const withCauses = measureRankingQuality(
      queries,
      queries.map((q) => rankContent(index, q.query, { limit: 10 }).map((r) => r.document.id)),
    );
    const misses = queries.filter((q, i) => !results[i].slice(0, 5).some((id) => q.expected.includes(id))).map((q) => `  [${q.kind}] ${q.query.slice(0, 100)}`);
    console.log(
      [
        `search quality over ${queries.length} queries (cases only): recall@5 ${quality.recallAt5.toFixed(3)}, MRR ${quality.mrr.toFixed(3)}`,
        `  by kind: ${Object.entries(quality.recallAt5ByKind)
          .map(([kind, value]) => `${kind} ${value.toFixed(2)}`)
          .join(", ")}`,
        `  with root causes in the list too: recall@5 ${withCauses.recallAt5.toFixed(3)}, MRR ${withCauses.mrr.toFixed(3)}`,
        ...(misses.length ? ["  missed:", ...misses] : []),
      ].join("\n"),
    );
    expect(quality.recallAt5).toBeGreaterThanOrEqual(0.9);
  });
});

describe("search over the Chinese pages", () => {
  const queries = QUERY_SETS.flatMap((set) => set.queries).filter((q) => q.kind === CHINESE_BODY_KIND);
  const recallAt5 = (searched: typeof index) => {
    const results = queries.map((q) => rankContent(searched, q.query, { limit: 10, kinds: ["case"] }).map((r) => r.document.id));
    return measureRankingQuality(queries, results).recallAt5;
  };

  it("finds a case by words that are only in its Chinese page", () => {
    expect(queries.length).toBeGreaterThanOrEqual(15);
    expect(recallAt5(index)).toBeGreaterThanOrEqual(0.9);
  });

  it("finds them because the Chinese pages are indexed: without them most of these queries miss", () => {
    const withoutChinesePages = buildSearchIndex(documents.map((doc) => ({ ...doc, bodyZh: "" })));
    expect(recallAt5(withoutChinesePages)).toBeLessThan(0.5);
  });
});

import { describe, expect, it } from "vitest";

import { measureRankingQuality, percentile } from "@/bench/lib/search-measure";
import { createRandom, generateSyntheticCorpus } from "@/bench/lib/synthetic-corpus";

import { SAMPLE_DOCUMENTS } from "./fixtures";

describe("generateSyntheticCorpus", () => {
  const corpus = generateSyntheticCorpus(SAMPLE_DOCUMENTS, 200, 7);

  it("generates exactly the size asked for, the real cases first, with unique ids", () => {
    expect(corpus).toHaveLength(200);
    expect(corpus.slice(0, SAMPLE_DOCUMENTS.length).map((d) => d.id)).toEqual(SAMPLE_DOCUMENTS.map((d) => d.id));
    expect(new Set(corpus.map((d) => d.id)).size).toBe(200);
  });

  it("derives every copy from a real case and varies its addresses and numbers", () => {
    const origins = new Set(SAMPLE_DOCUMENTS.map((d) => d.id));
    for (const doc of corpus) expect(origins.has(doc.originId)).toBe(true);
    const copies = corpus.filter((d) => d.originId === "conntrack-race" && d.id !== "conntrack-race");
    expect(copies.length).toBeGreaterThan(10);
    expect(copies.some((d) => !d.body.includes("insert_failed=1234"))).toBe(true);
    expect(copies.every((d) => d.errorStrings.join() === "insert_failed keeps increasing")).toBe(true);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateSyntheticCorpus(SAMPLE_DOCUMENTS, 200, 7)).toEqual(corpus);
    expect(generateSyntheticCorpus(SAMPLE_DOCUMENTS, 200, 8).map((d) => d.id)).not.toEqual(corpus.map((d) => d.id));
  });
});

describe("createRandom", () => {
  it("yields numbers in [0, 1)", () => {
    const random = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });
});

describe("measureRankingQuality", () => {
  const queries = [
    { query: "a", expected: ["x"], kind: "en" },
    { query: "b", expected: ["y"], kind: "zh" },
    { query: "c", expected: ["z"], kind: "zh" },
  ];

  it("computes recall@5 and MRR, by kind too", () => {
    const quality = measureRankingQuality(queries, [["x"], ["q", "r", "y"], ["1", "2", "3", "4", "5", "z"]]);
    expect(quality.recallAt5).toBeCloseTo(2 / 3);
    expect(quality.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 6) / 3);
    expect(quality.recallAt5ByKind).toEqual({ en: 1, zh: 0.5 });
  });

  it("counts a generated copy as the case it was derived from", () => {
    const quality = measureRankingQuality(queries.slice(0, 1), [["x--t1"]], (id) => id.split("--")[0]);
    expect(quality.recallAt5).toBe(1);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile([3], 95)).toBe(3);
  });
});

import { describe, expect, it } from "vitest";

import { analyzeQuery, boundedEditDistance, LONG_QUERY_TERMS, SALIENT_TERMS } from "@/lib/search/query";
import { buildSearchIndex } from "@/lib/search/search-index";

import { SAMPLE_DOCUMENTS } from "./fixtures";

const index = buildSearchIndex(SAMPLE_DOCUMENTS);
const termsOf = (query: string) => analyzeQuery(index, query).terms;

describe("analyzeQuery", () => {
  it("keeps known terms as exact matches with full weight", () => {
    expect(termsOf("conntrack insert_failed")).toEqual([
      { term: "conntrack", surface: "conntrack", weight: 1, match: "exact" },
      { term: "insert_failed", surface: "insert_failed", weight: 1, match: "exact" },
      expect.objectContaining({ term: "insert", match: "exact" }),
      expect.objectContaining({ term: "fail", match: "exact" }),
    ]);
  });

  it("corrects a typo to the index word one edit away, with less weight", () => {
    expect(termsOf("conntrak ")).toEqual([{ term: "conntrack", surface: "conntrack", weight: 0.8, match: "typo" }]);
  });

  it("completes a last word still being typed, but not a finished one", () => {
    expect(termsOf("somax").map((t) => [t.term, t.match])).toEqual([[expect.stringMatching(/^somaxcon/), "prefix"]]);
    expect(termsOf("somax ")).toEqual([]);
  });

  it("drops words the index does not know", () => {
    expect(termsOf("zzzz qqqq")).toEqual([]);
  });

  it("reduces a pasted log to its rarest known terms, skipping timestamps and unknown hosts", () => {
    const log = [
      "2024-03-01T10:22:33.123Z node-7f3a kernel: [123456.789] conntrack: table full?",
      "2024-03-01T10:22:34.001Z node-7f3a cpu=0 found=0 invalid=0 insert=0 insert_failed=1234 drop=1234 early_drop=0",
      "2024-03-01T10:22:35.999Z node-7f3a resolver: A and AAAA queries timed out after 5s",
    ].join("\n");
    const analyzed = analyzeQuery(index, log);
    expect(analyzed.reduced).toBe(true);
    expect(analyzed.terms.length).toBeLessThanOrEqual(SALIENT_TERMS);
    const terms = analyzed.terms.map((t) => t.term);
    expect(terms).toContain("insert_failed");
    expect(terms.some((term) => /2024|node-7f3a|123456/.test(term))).toBe(false);
  });

  it("leaves a query of LONG_QUERY_TERMS distinct terms unreduced", () => {
    const words = ["conntrack", "insert", "dns", "pods", "nat", "syns", "accept", "queue", "overflow", "tcp", "messages", "stick"];
    expect(words).toHaveLength(LONG_QUERY_TERMS);
    expect(analyzeQuery(index, words.join(" ")).reduced).toBe(false);
  });
});

describe("boundedEditDistance", () => {
  it("counts an insertion, a deletion, a substitution and a swap of neighbours as one edit", () => {
    expect(boundedEditDistance("conntrak", "conntrack", 1)).toBe(1);
    expect(boundedEditDistance("conntrackk", "conntrack", 1)).toBe(1);
    expect(boundedEditDistance("conntrick", "conntrack", 1)).toBe(1);
    expect(boundedEditDistance("vxaln", "vxlan", 1)).toBe(1);
  });

  it("answers max + 1 when the words are further apart", () => {
    expect(boundedEditDistance("recycle", "reuse", 1)).toBe(2);
    expect(boundedEditDistance("a", "abcd", 2)).toBe(3);
  });
});

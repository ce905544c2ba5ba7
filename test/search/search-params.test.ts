import { describe, expect, it } from "vitest";

import { MAX_QUERY_LENGTH, parseSearchParams, toSearchOptions } from "@/lib/search/search-params";

const parse = (params: Record<string, string>) => parseSearchParams(new URLSearchParams(params));

describe("parseSearchParams", () => {
  it("accepts a query, trims it and defaults the limit to 10", () => {
    expect(parse({ q: "  insert_failed " })).toEqual({ ok: true, params: { q: "insert_failed", limit: 10 } });
  });

  it("answers 400 naming q when it is missing, blank or too long", () => {
    expect(parse({})).toEqual({ ok: false, status: 400, error: "q: is required" });
    expect(parse({ q: "  " })).toEqual({ ok: false, status: 400, error: "q: must not be empty" });
    expect(parse({ q: "x".repeat(MAX_QUERY_LENGTH + 1) })).toEqual({ ok: false, status: 400, error: `q: must be at most ${MAX_QUERY_LENGTH} characters` });
    expect(parse({ q: "x".repeat(MAX_QUERY_LENGTH) }).ok).toBe(true);
  });

  it("answers 422 naming limit when it is not a whole number from 1 to 50", () => {
    for (const limit of ["abc", "0", "51", "2.5", ""]) {
      expect(parse({ q: "dns", limit })).toEqual({ ok: false, status: 422, error: "limit: must be a whole number from 1 to 50" });
    }
    expect(parse({ q: "dns", limit: "50" })).toMatchObject({ ok: true, params: { limit: 50 } });
  });

  it("answers 422 naming the filter when its value is unknown", () => {
    const result = parse({ q: "dns", platform: "mainframe" });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.error).toMatch(/^platform: /);
  });
});

describe("toSearchOptions", () => {
  it("turns kind into kinds and the rest into filters", () => {
    const result = parse({ q: "dns", kind: "cause", layer: "dns", limit: "5" });
    expect(result.ok && toSearchOptions(result.params)).toEqual({
      limit: 5,
      kinds: ["cause"],
      filters: { platform: undefined, layer: "dns", cause: undefined, type: undefined },
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { searchContent } from "@/lib/search/search";
import { buildSearchIndex } from "@/lib/search/search-index";

import { SAMPLE_DOCUMENTS } from "./fixtures";

const index = buildSearchIndex(SAMPLE_DOCUMENTS);

const TOKENS = ["tcp_tw_recycle", "insert_failed=8", "10.0.0.1:80", "超时", "连接", "Flags [S]", "[", "(", "*", "\\", "\u0000", "🙂", " ", "\n", "a", "é"];

const hostileQuery = fc.oneof(
  fc.string({ unit: "binary", maxLength: 3000 }),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 400 }).map((parts) => parts.join("")),
  fc.tuple(fc.constantFrom(...TOKENS), fc.integer({ min: 1, max: 2000 })).map(([token, times]) => token.repeat(times)),
);

describe("searchContent on hostile queries", () => {
  it("never throws and returns bounded, well-formed hits", () => {
    fc.assert(
      fc.property(hostileQuery, (query) => {
        const hits = searchContent(index, query, { limit: 5 });
        expect(hits.length).toBeLessThanOrEqual(5);
        for (const hit of hits) {
          expect(hit.score).toBeGreaterThan(0);
          expect(hit.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("stays linear: a 5 MB query costs at most about 100x a 50 KB one", () => {
    const line = "Nov 22 10:00:01 web kernel: nf_conntrack: table full, dropping packet insert_failed=8 超时 ";
    const small = line.repeat(Math.ceil((50 * 1024) / line.length));
    const large = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    const time = (query: string) => {
      const start = performance.now();
      searchContent(index, query, { limit: 5 });
      return performance.now() - start;
    };
    time(small);
    const smallMs = time(small);
    const largeMs = time(large);
    expect(largeMs).toBeLessThan(smallMs * 150 + 500);
  });
});

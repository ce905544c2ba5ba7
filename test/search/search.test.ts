import { describe, expect, it } from "vitest";

import { rankContent, searchContent } from "@/lib/search/search";
import { buildSearchIndex } from "@/lib/search/search-index";

import { SAMPLE_DOCUMENTS } from "./fixtures";

const index = buildSearchIndex(SAMPLE_DOCUMENTS);
const idsFor = (query: string, options = {}) => rankContent(index, query, options).map((r) => r.document.id);

describe("rankContent", () => {
  it("puts the entry with the exact error string first", () => {
    expect(idsFor("passive connections rejected because of time stamp")[0]).toBe("tw-recycle-nat");
  });

  it("finds Chinese text through bigrams", () => {
    expect(idsFor("DNS 解析 5 秒")[0]).toBe("conntrack-race");
    expect(idsFor("粘包")).toEqual(["nagle-note"]);
  });

  it("finds an entry from a mistyped word", () => {
    expect(idsFor("conntrak race")[0]).toBe("conntrack-race");
  });

  it("finds an entry from a pasted counter line full of noise", () => {
    expect(idsFor("cpu=3 found=0 invalid=112 ignore=0 insert=0 insert_failed=5831 drop=5831 early_drop=0 error=0 search_restart=0")[0]).toBe("conntrack-race");
  });

  it("returns scores in (0, 1], best first, at most limit", () => {
    const ranked = rankContent(index, "queue overflow somaxconn", { limit: 2 });
    expect(ranked).toHaveLength(2);
    expect(ranked[0].score).toBeGreaterThanOrEqual(ranked[1].score);
    for (const { score } of ranked) expect(score > 0 && score <= 1).toBe(true);
  });

  it("returns nothing for an empty query or one without a known word", () => {
    expect(rankContent(index, "")).toEqual([]);
    expect(rankContent(index, "   ")).toEqual([]);
    expect(rankContent(index, "xyzzy plugh")).toEqual([]);
  });

  describe("filters", () => {
    const query = "queue overflow somaxconn listen";

    it("keeps only the kinds asked for", () => {
      expect(idsFor(query)).toEqual(expect.arrayContaining(["somaxconn-queue", "accept-queue-overflow"]));
      expect(idsFor(query, { kinds: ["cause"] })).toEqual(["accept-queue-overflow"]);
      expect(idsFor(query, { kinds: ["case"] })).not.toContain("accept-queue-overflow");
    });

    it("keeps only entries of the platform, layer, root cause and type asked for", () => {
      expect(idsFor("dns nat", { filters: { platform: "kubernetes" } }).sort()).toEqual(["conntrack-race", "tw-recycle-nat"]);
      expect(idsFor("dns nat", { filters: { layer: "dns" } })).toEqual(["conntrack-race"]);
      expect(idsFor("dns nat", { filters: { cause: "tcp-tw-recycle-nat-timestamps" } })).toEqual(["tw-recycle-nat"]);
      expect(idsFor("tcp messages", { filters: { type: "technique" } })).toEqual(["nagle-note"]);
    });
  });
});

describe("searchContent", () => {
  it("links cases and causes to their pages", () => {
    const urls = searchContent(index, "accept queue overflow").map((hit) => hit.url);
    expect(urls).toEqual(expect.arrayContaining(["/cases/somaxconn-queue", "/causes/accept-queue-overflow"]));
  });

  it("highlights the matched words in the title", () => {
    const [hit] = searchContent(index, "tcp_tw_recycle");
    expect(hit.highlights.title.map(([start, end]) => hit.title.slice(start, end))).toEqual(["tcp_tw_recycle"]);
  });

  it("highlights the matched bigrams in the Chinese title", () => {
    const [hit] = searchContent(index, "插入冲突");
    expect(hit.id).toBe("conntrack-race");
    expect(hit.highlights.titleZh.map(([start, end]) => hit.titleZh.slice(start, end))).toEqual(["插入冲突"]);
  });

  it("shows as snippet the line that matches the most query words", () => {
    const [hit] = searchContent(index, "insert_failed drop");
    expect(hit.snippet).toBe("cpu=0 found=0 invalid=0 insert=0 insert_failed=1234 drop=1234");
    expect(hit.highlights.snippet.map(([start, end]) => hit.snippet.slice(start, end))).toEqual(["insert", "insert_failed", "drop"]);
  });
});

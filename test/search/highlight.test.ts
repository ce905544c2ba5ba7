import { describe, expect, it } from "vitest";

import { excerpt, findMatches } from "@/lib/search/highlight";
import { stem } from "@/lib/search/tokenize";

const marked = (text: string, ranges: [number, number][]) => ranges.map(([start, end]) => text.slice(start, end));

describe("findMatches", () => {
  it("marks a whole technical token when one of its parts matches", () => {
    const text = "sysctl -w net.core.somaxconn=4096";
    const { ranges, matched } = findMatches(text, new Set([stem("somaxconn")]));
    expect(marked(text, ranges)).toEqual(["net.core.somaxconn"]);
    expect(matched).toEqual(new Set([stem("somaxconn")]));
  });

  it("marks stemmed words in their written form", () => {
    const text = "Connections were refused.";
    expect(marked(text, findMatches(text, new Set([stem("connection"), stem("refuse")])).ranges)).toEqual(["Connections", "refused"]);
  });

  it("merges neighbouring Han bigrams into one mark", () => {
    const text = "偶发连接超时问题";
    expect(marked(text, findMatches(text, new Set(["连接", "接超", "超时"])).ranges)).toEqual(["连接超时"]);
  });

  it("marks nothing when nothing matches", () => {
    expect(findMatches("plain text", new Set(["other"]))).toEqual({ ranges: [], matched: new Set() });
  });
});

describe("excerpt", () => {
  it("keeps short text as it is", () => {
    expect(excerpt("short", [[0, 5]], 20)).toEqual({ text: "short", ranges: [[0, 5]] });
  });

  it("cuts long text around the first mark and shifts the marks", () => {
    const text = `${"x".repeat(100)} needle ${"y".repeat(100)}`;
    const start = text.indexOf("needle");
    const cut = excerpt(text, [[start, start + 6]], 40);
    expect(cut.text.startsWith("…")).toBe(true);
    expect(cut.text.endsWith("…")).toBe(true);
    expect(marked(cut.text, cut.ranges)).toEqual(["needle"]);
  });
});

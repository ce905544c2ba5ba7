import { describe, expect, it } from "vitest";

import { blocksToText, mapBlockText, parseBlocks, parseInline } from "@/lib/training/markdown";

describe("parseBlocks", () => {
  it("splits headings, paragraphs, bullet and numbered lists, and fenced code", () => {
    const blocks = parseBlocks(
      ["### Step 1: Count", "", "Run this", "on the server:", "", "```bash", "ss -s", "```", "", "- one", "  continued", "- two", "1. first", "2. second"].join(
        "\n",
      ),
    );
    expect(blocks).toEqual([
      { kind: "heading", text: "Step 1: Count" },
      { kind: "paragraph", text: "Run this on the server:" },
      { kind: "code", lang: "bash", text: "ss -s" },
      { kind: "list", ordered: false, items: ["one continued", "two"] },
      { kind: "list", ordered: true, items: ["first", "second"] },
    ]);
  });

  it("reads ~~~ fences like ``` fences", () => {
    expect(parseBlocks("Before:\n\n~~~bash\nss -s\n~~~\n\n~~~text\n## not a heading\n~~~")).toEqual([
      { kind: "paragraph", text: "Before:" },
      { kind: "code", lang: "bash", text: "ss -s" },
      { kind: "code", lang: "text", text: "## not a heading" },
    ]);
  });

  it("keeps an unclosed fence to the end and returns nothing for empty text", () => {
    expect(parseBlocks("```text\nline 1\nline 2")).toEqual([{ kind: "code", lang: "text", text: "line 1\nline 2" }]);
    expect(parseBlocks("  \n\n")).toEqual([]);
  });
});

describe("parseInline", () => {
  it("separates inline code and strong text, and keeps link labels", () => {
    expect(parseInline("**Run** `ss -s` on [the host](/cases/x)")).toEqual([
      { kind: "strong", text: "Run" },
      { kind: "text", text: " " },
      { kind: "code", text: "ss -s" },
      { kind: "text", text: " on the host" },
    ]);
  });
});

describe("mapBlockText", () => {
  it("changes headings, paragraphs and list items, and leaves code alone", () => {
    const blocks = parseBlocks("### word\n\nword\n\n- word\n\n```text\nword\n```");
    expect(blocksToText(mapBlockText(blocks, (text) => text.toUpperCase()))).toBe("WORD\nWORD\nWORD\nword");
  });
});

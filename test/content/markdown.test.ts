import { describe, expect, it } from "vitest";

import { getSectionMarkdown, listCodeBlocks, listSectionHeadings, markdownToPlainText, readBlocks } from "@/lib/content/markdown";
import { mdxToPlainText } from "@/lib/search/documents";
import { quotedOutputs } from "@/lib/training/quoted-outputs";

const BODY = [
  "## Diagnosis",
  "",
  "### Step 1: Count",
  "",
  "~~~bash",
  "netstat -s | grep -i listen",
  "~~~",
  "",
  "~~~text",
  "## 1234 times the listen queue of a socket overflowed",
  "~~~",
  "",
  "````text",
  "```",
  "## inside a longer fence",
  "````",
  "",
  "## Cause",
  "",
  "The accept queue is full.",
].join("\n");

describe("one Markdown reading for case bodies", () => {
  it("finds sections outside ~~~ and ``` fences alike", () => {
    expect(listSectionHeadings(BODY, 10)).toEqual([
      { title: "Diagnosis", line: 10 },
      { title: "Cause", line: 27 },
    ]);
    expect(getSectionMarkdown(BODY, "Cause")).toBe("The accept queue is full.");
    expect(getSectionMarkdown(BODY, "Resolution")).toBe("");
  });

  it("lists every code block with its language and line", () => {
    expect(listCodeBlocks(BODY)).toEqual([
      { lang: "bash", text: "netstat -s | grep -i listen", line: 5 },
      { lang: "text", text: "## 1234 times the listen queue of a socket overflowed", line: 9 },
      { lang: "text", text: "```\n## inside a longer fence", line: 13 },
    ]);
  });

  it("gives drills the output a ~~~ fence quotes, with its command", () => {
    expect(quotedOutputs(readBlocks(getSectionMarkdown(BODY, "Diagnosis")))).toEqual([
      { command: "netstat -s | grep -i listen", text: "## 1234 times the listen queue of a socket overflowed" },
      { command: "netstat -s | grep -i listen", text: "```\n## inside a longer fence" },
    ]);
  });

  it("indexes the inside of ~~~ fences as text, not as headings or markup", () => {
    const text = markdownToPlainText(BODY).split("\n");
    expect(text).toContain("## 1234 times the listen queue of a socket overflowed");
    expect(text).toContain("netstat -s | grep -i listen");
    expect(mdxToPlainText(BODY)).toBe(markdownToPlainText(BODY));
  });

  it("reads MDX: JSX blocks and placeholders in code do not break it", () => {
    const body = "## Issue\n\nRun `nc -vz <ip> 443`.\n\n<Note>Only on **4.x** kernels.</Note>\n\n## Environment\n\nLinux";
    expect(getSectionMarkdown(body, "Issue")).toBe("Run `nc -vz <ip> 443`.\n\n<Note>Only on **4.x** kernels.</Note>");
    expect(markdownToPlainText(body).split("\n")).toEqual(["Issue", "Run nc -vz <ip> 443.", "Only on 4.x kernels.", "Environment", "Linux"]);
  });

  it("falls back to plain Markdown for text that is not valid MDX", () => {
    expect(readBlocks("a < b and {x")).toEqual([{ kind: "paragraph", text: "a < b and {x" }]);
  });
});

import { describe, expect, it } from "vitest";

import { parseCaseEntry, parseRootCauseEntry } from "@/lib/content/parse-entry";
import { mdxToPlainText, toCaseDocument, toCauseDocument } from "@/lib/search/documents";

import { caseSource } from "../factories";

describe("mdxToPlainText", () => {
  it("keeps the lines of code blocks and drops markup", () => {
    const body = [
      "## Diagnosis",
      "",
      "### Step 1: Check the **counter**",
      "",
      "```bash",
      "conntrack -S",
      "```",
      "",
      "- See [the cause](/causes/conntrack-insert-race) and `insert_failed`.",
      "",
      "| a | b |",
      "|---|---|",
      "| 1 | 2 |",
    ].join("\n");
    expect(mdxToPlainText(body).split("\n")).toEqual([
      "Diagnosis",
      "Step 1: Check the counter",
      "conntrack -S",
      "See the cause and insert_failed.",
      "| a | b |",
      "| 1 | 2 |",
    ]);
  });
});

describe("toCaseDocument", () => {
  it("carries the case's fields and the causes it names", () => {
    const result = parseCaseEntry("content/cases/sample-case.mdx", caseSource({ errorStrings: ["Connection timed out"], suspectedCauses: [] }));
    if (!result.ok) throw new Error(result.problems[0].message);
    const doc = toCaseDocument(result.entry);
    expect(doc).toMatchObject({ id: "sample-case", kind: "case", type: "problem", causes: ["mtu-mismatch"], errorStrings: ["Connection timed out"] });
  });
});

describe("toCauseDocument", () => {
  it("searches a root cause's summary as a symptom and its signals as error strings", () => {
    const source = [
      "---",
      "id: mtu-mismatch",
      "title: MTU mismatch",
      "titleZh: MTU 不匹配",
      "summary: Large packets are dropped on a path with a smaller MTU.",
      "layers: [network]",
      "aliases: [mtu blackhole, MTU 黑洞]",
      "signals: [ping -M do -s 1472 fails]",
      "---",
      "",
      ...["Definition", "How it shows", "How to confirm", "Fix and prevention"].map((h) => `## ${h}\n\nText.\n`),
    ].join("\n");
    const result = parseRootCauseEntry("content/root-causes/mtu-mismatch.mdx", source);
    if (!result.ok) throw new Error(result.problems[0].message);
    expect(toCauseDocument(result.entry)).toMatchObject({
      kind: "cause",
      type: null,
      causes: ["mtu-mismatch"],
      symptoms: ["Large packets are dropped on a path with a smaller MTU."],
      errorStrings: ["ping -M do -s 1472 fails"],
    });
  });
});

import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { REQUIRED_HEADINGS } from "@/lib/content/schema";
import { flattenCatalogue, type Catalogue } from "@/lib/i18n/catalogues";
import { draftFieldsSchema, splitCaseMdx, type CaseFields } from "@/lib/library/case-fields";
import { checkCase } from "@/lib/library/check-case";
import { problemMessage } from "@/lib/library/problem-messages";
import { ROOT } from "@/test/db/databases";
import { repositoryCaseWithZh } from "@/test/factories";

const zh = flattenCatalogue(JSON.parse(fs.readFileSync(path.join(ROOT, "messages/zh.json"), "utf8")) as Catalogue);
const { fields, body } = splitCaseMdx(fs.readFileSync(path.join(ROOT, "content/cases/k8s-dns-5s-conntrack-dnat-race.mdx"), "utf8"));
const { id: _id, ...complete } = { ...fields, related: [] } as CaseFields;
const known = { knownCaseIds: new Set(["k8s-dns-5s-conntrack-dnat-race"]) };

/** Every problem message of `problems`, with what the Chinese editor shows for it. */
const named = (problems: { message: string }[]) => problems.map((p) => ({ message: p.message, named: problemMessage(p.message) }));

describe("problemMessage", () => {
  it("names every problem of a blank case and of a session's unfinished draft, with a key the catalogues hold", () => {
    const blank = draftFieldsSchema.omit({ id: true }).parse({ title: "x", source: { file: "netriage-library", section: "" } });
    const blankBody = REQUIRED_HEADINGS.problem.map((h) => `## ${h}\n\n`).join("");
    const draft = { ...complete, titleZh: "待补充", aliases: ["only english"], related: ["nope"], rootCause: null };
    const problems = [
      ...checkCase("new-case", blank, blankBody, null, known).problems,
      ...checkCase("new-case", draft, body.replace("## Environment", "## Setting"), null, known).problems,
    ];
    expect(problems.length).toBeGreaterThan(10);
    for (const { message, named: name } of named(problems)) {
      expect(name, message).toBeDefined();
      expect(zh.has(`editor.problems.${name?.key}`), name?.key).toBe(true);
    }
  });

  it("names every disagreement between a case and its Chinese version", () => {
    const pair = repositoryCaseWithZh("k8s-dns-5s-conntrack-dnat-race");
    const inlineCode = /`[^`\n]+`/.exec(pair.zh.body)![0];
    const drifts = [
      { ...pair.zh, body: pair.zh.body.replace("```text\n", "```text\nchanged\n") },
      { ...pair.zh, body: pair.zh.body.replace(/```bash\n[\s\S]*?```\n/, "") },
      { ...pair.zh, body: `${pair.zh.body}\n\`\`\`bash\nextra\n\`\`\`\n` },
      { ...pair.zh, body: pair.zh.body.replaceAll(inlineCode, "代码") },
      { ...pair.zh, body: pair.zh.body.replace(/^### .*$/m, "") },
      { symptoms: pair.zh.symptoms.slice(1), body: pair.zh.body },
      { symptoms: ["解析偶尔很慢", ...pair.zh.symptoms.slice(1)], body: pair.zh.body },
    ];
    const problems = [
      ...drifts.flatMap((zhVersion) => checkCase("new-case", pair.fields, pair.body, zhVersion, known).problems),
      ...checkCase("new-case", { ...pair.fields, title: `${pair.fields.title} after 30 days` }, pair.body, pair.zh, known).problems,
    ];
    const keys = new Set(named(problems).map(({ message, named: name }) => (expect(name, message).toBeDefined(), name?.key)));
    expect([...keys].sort()).toEqual(
      ["codeBlockDiffers", "codeBlockExtra", "codeBlockMissing", "inlineCodeMissing", "numberMissing", "outline", "symptomCount", "titleNumber"].sort(),
    );
    for (const key of keys) expect(zh.has(`editor.problems.${key}`), key).toBe(true);
  });

  it("keeps the values the message quotes", () => {
    expect(problemMessage('missing section "## Cause"')).toEqual({ key: "missingSection", values: { section: "Cause" } });
    expect(problemMessage('unknown case id "nope"')).toEqual({ key: "unknownRelated", values: { id: "nope" } });
    expect(problemMessage("Too small: expected array to have >=2 items")).toEqual({ key: "atLeastItems", values: { min: 2 } });
    expect(problemMessage("at most 2,000 characters")).toEqual({ key: "tooLong", values: { max: "2,000" } });
  });

  it("quotes the compiler's own words after a named lead, and names no message it does not know", () => {
    expect(problemMessage("MDX does not compile: Unexpected character `<`")).toEqual({
      key: "compile",
      values: {},
      detail: "Unexpected character `<`",
    });
    expect(problemMessage("a Wireshark display filter is fenced ```wireshark")).toBeUndefined();
  });
});

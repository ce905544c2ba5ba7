import fs from "node:fs";
import path from "node:path";

import matter from "gray-matter";
import { describe, expect, it } from "vitest";

import { splitCaseMdx, toCaseMdx, toCaseZhMdx, type CaseFields } from "@/lib/library/case-fields";
import { checkCase, checkCaseCompiles, describeProblem } from "@/lib/library/check-case";
import { ROOT } from "@/test/db/databases";
import { repositoryCaseWithZh } from "@/test/factories";

const { fields, body } = splitCaseMdx(fs.readFileSync(path.join(ROOT, "content/cases/k8s-dns-5s-conntrack-dnat-race.mdx"), "utf8"));
const { id: _id, ...complete } = { ...fields, related: [] } as CaseFields;
const known = { knownCaseIds: new Set(["k8s-dns-5s-conntrack-dnat-race"]) };
const { zh } = repositoryCaseWithZh("k8s-dns-5s-conntrack-dnat-race");

describe("checkCase", () => {
  it("finds nothing wrong with a case content:check accepts, drill included", () => {
    expect(checkCase("new-case", complete, body, null, { ...known, checkDrill: true }).problems).toEqual([]);
  });

  it("places a frontmatter problem at its field, without the field's prefix", () => {
    const { problems } = checkCase("new-case", { ...complete, aliases: ["only english"] }, body, null, known);
    expect(problems).toContainEqual({ field: "aliases", message: "Too small: expected array to have >=2 items" });
    expect(problems.every((p) => "field" in p && p.field === "aliases")).toBe(true);
  });

  it("places a body problem at its line of the body", () => {
    const broken = body.replace("## Environment", "## Setting");
    const { problems } = checkCase("new-case", complete, broken, null, known);
    const line = broken.split("\n").findIndex((l) => l === "## Setting") + 1;
    expect(problems.map(describeProblem)).toContainEqual(expect.stringMatching(/^body line \d+: missing section "## Environment"/));
    expect(problems.some((p) => "line" in p && p.line >= line - 1 && p.line <= line + 1)).toBe(true);
  });

  it("refuses placeholders left from a session's draft, an unknown related case and a bad id", () => {
    const { problems } = checkCase("new-case", { ...complete, titleZh: "待补充：中文标题", related: ["nope"] }, body, null, known);
    expect(problems).toContainEqual({ field: "titleZh", message: "still holds a placeholder to fill in" });
    expect(problems).toContainEqual({ field: "related", message: 'unknown case id "nope"' });
    expect(checkCase("Not A Slug", complete, body, null, known).problems[0]).toMatchObject({ field: "id" });
  });

  it("writes a file that reads back as the same fields and body", () => {
    expect(splitCaseMdx(toCaseMdx("new-case", complete, body))).toEqual({ fields: { id: "new-case", ...complete }, body });
  });
});

describe("checkCase with a Chinese version", () => {
  it("finds nothing wrong with the pair content:check accepts, and gives the entry its Chinese page", () => {
    const { problems, entry } = checkCase("new-case", complete, body, zh, { ...known, checkDrill: true });
    expect(problems).toEqual([]);
    expect(entry?.zh?.frontmatter).toEqual({ id: "new-case", title: complete.titleZh, symptoms: zh.symptoms });
    expect(entry?.zh?.file).toBe("content/zh/cases/new-case.mdx");
  });

  it("places the pair's disagreements in the Chinese version: a changed code block at its line, a missing symptom at the field", () => {
    const changed = zh.body.replace("```text\n", "```text\nextra line\n");
    const { problems } = checkCase("new-case", complete, body, { symptoms: zh.symptoms.slice(1), body: changed }, known);
    const fence = changed.split("\n").indexOf("```text") + 1;
    expect(problems).toContainEqual({ line: fence, version: "zh", message: expect.stringMatching(/^code block \d+ differs from the English page's/) });
    expect(problems).toContainEqual({ field: "zh.symptoms", message: expect.stringMatching(/^3 listed, the English page lists 4/) });
    expect(problems.map(describeProblem)).toContainEqual(expect.stringMatching(/^zh\.body line \d+: code block/));
    expect(problems.every((p) => ("field" in p ? p.field.startsWith("zh.") : p.version === "zh"))).toBe(true);
  });

  it("wants the Chinese sections in the Chinese body and no placeholder left in it", () => {
    const english = zh.body.replace("## 环境", "## Environment").replace("## 原因", "## 原因\n\n待补充");
    const { problems } = checkCase("new-case", complete, body, { ...zh, body: english }, known);
    expect(problems).toEqual([
      { line: english.split("\n").indexOf("## Environment") + 1, version: "zh", message: 'missing section "## 环境"' },
      { line: english.split("\n").indexOf("待补充") + 1, version: "zh", message: "still holds a placeholder to fill in" },
    ]);
  });

  it("wants the numbers of the English title in titleZh", () => {
    const { problems } = checkCase("new-case", { ...complete, title: `${complete.title} after 30 days` }, body, zh, known);
    expect(problems).toEqual([{ field: "titleZh", message: "the number 30 of the English title is missing" }]);
  });

  it("lists a problem both pages find once: titleZh without Chinese text", () => {
    const { problems } = checkCase("new-case", { ...complete, titleZh: "No Chinese here" }, body, zh, known);
    expect(problems.filter((p) => "field" in p && p.field === "titleZh")).toEqual([{ field: "titleZh", message: "must contain Chinese text" }]);
  });

  it("writes the Chinese page as content/zh/cases/<id>.mdx reads: id, title (titleZh), symptoms, body", () => {
    const parsed = matter(toCaseZhMdx("new-case", complete.titleZh, zh), {});
    expect(parsed.data).toEqual({ id: "new-case", title: complete.titleZh, symptoms: zh.symptoms });
    expect(parsed.content.replace(/^\n+/, "")).toBe(zh.body);
  });
});

describe("checkCaseCompiles", () => {
  it("reports an MDX error at its body line", async () => {
    expect(await checkCaseCompiles("## Issue\n\nText.\n\n<Unclosed>\n")).toEqual([{ line: 5, message: expect.stringMatching(/^MDX does not compile: /) }]);
  });

  it("marks an error of the Chinese version's body", async () => {
    const [problem] = await checkCaseCompiles("## 问题\n\n<Unclosed>\n", "zh");
    expect(describeProblem(problem)).toMatch(/^zh\.body line 3: MDX does not compile: /);
  });
});

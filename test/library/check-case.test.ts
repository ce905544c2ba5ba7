import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { splitCaseMdx, toCaseMdx, type CaseFields } from "@/lib/library/case-fields";
import { checkCase, checkCaseCompiles, describeProblem } from "@/lib/library/check-case";
import { ROOT } from "@/test/db/databases";

const { fields, body } = splitCaseMdx(fs.readFileSync(path.join(ROOT, "content/cases/k8s-dns-5s-conntrack-dnat-race.mdx"), "utf8"));
const { id: _id, ...complete } = { ...fields, related: [] } as CaseFields;
const known = { knownCaseIds: new Set(["k8s-dns-5s-conntrack-dnat-race"]) };

describe("checkCase", () => {
  it("finds nothing wrong with a case content:check accepts, drill included", () => {
    expect(checkCase("new-case", complete, body, { ...known, checkDrill: true }).problems).toEqual([]);
  });

  it("places a frontmatter problem at its field, without the field's prefix", () => {
    const { problems } = checkCase("new-case", { ...complete, aliases: ["only english"] }, body, known);
    expect(problems).toContainEqual({ field: "aliases", message: "Too small: expected array to have >=2 items" });
    expect(problems.every((p) => "field" in p && p.field === "aliases")).toBe(true);
  });

  it("places a body problem at its line of the body", () => {
    const broken = body.replace("## Environment", "## Setting");
    const { problems } = checkCase("new-case", complete, broken, known);
    const line = broken.split("\n").findIndex((l) => l === "## Setting") + 1;
    expect(problems.map(describeProblem)).toContainEqual(expect.stringMatching(/^body line \d+: missing section "## Environment"/));
    expect(problems.some((p) => "line" in p && p.line >= line - 1 && p.line <= line + 1)).toBe(true);
  });

  it("refuses placeholders left from a session's draft, an unknown related case and a bad id", () => {
    const { problems } = checkCase("new-case", { ...complete, titleZh: "待补充：中文标题", related: ["nope"] }, body, known);
    expect(problems).toContainEqual({ field: "titleZh", message: "still holds a placeholder to fill in" });
    expect(problems).toContainEqual({ field: "related", message: 'unknown case id "nope"' });
    expect(checkCase("Not A Slug", complete, body, known).problems[0]).toMatchObject({ field: "id" });
  });

  it("writes a file that reads back as the same fields and body", () => {
    expect(splitCaseMdx(toCaseMdx("new-case", complete, body))).toEqual({ fields: { id: "new-case", ...complete }, body });
  });
});

describe("checkCaseCompiles", () => {
  it("reports an MDX error at its body line", async () => {
    expect(await checkCaseCompiles("## Issue\n\nText.\n\n<Unclosed>\n")).toEqual([{ line: 5, message: expect.stringMatching(/^MDX does not compile: /) }]);
  });
});

import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { REQUIRED_HEADINGS } from "@/lib/content/schema";
import { flattenCatalogue, type Catalogue } from "@/lib/i18n/catalogues";
import { draftFieldsSchema, splitCaseMdx, type CaseFields } from "@/lib/library/case-fields";
import { checkCase } from "@/lib/library/check-case";
import { problemMessage } from "@/lib/library/problem-messages";
import { ROOT } from "@/test/db/databases";

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

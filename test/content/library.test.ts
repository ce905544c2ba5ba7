import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { createContentLibrary } from "@/lib/content/library";
import { ContentError, loadContent } from "@/lib/content/load-content";
import { ROOT_CAUSE_IDS } from "@/lib/content/root-cause-ids";

import { caseSource } from "../factories";

const CONTENT_DIR = path.join(import.meta.dirname, "../../content");
const inventory: { cases: { id: string }[] } = JSON.parse(fs.readFileSync(path.join(CONTENT_DIR, "seed-inventory.json"), "utf8"));

describe("loadContent", () => {
  describe("on the real content", () => {
    const { cases, rootCauses } = loadContent(CONTENT_DIR);

    it("finds one case for each of the 70 inventory rows", () => {
      expect(inventory.cases).toHaveLength(70);
      expect(cases.map((c) => c.id).sort()).toEqual(inventory.cases.map((row) => row.id).sort());
    });

    it("finds a page for every taxonomy id", () => {
      expect(rootCauses.map((c) => c.id).sort()).toEqual([...ROOT_CAUSE_IDS].sort());
    });

    it("links every named root cause to a cause page listing the case", () => {
      const library = createContentLibrary(cases, rootCauses);
      for (const entry of cases) {
        if (entry.frontmatter.rootCause) {
          expect(library.casesForCause(entry.frontmatter.rootCause).confirmed).toContain(entry);
        }
      }
    });
  });

  it("stops on the first bad entry with file: field: message", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-content-"));
    fs.mkdirSync(path.join(dir, "cases"));
    fs.writeFileSync(path.join(dir, "cases", "sample-case.mdx"), caseSource({ rootCause: "gremlins" }));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow('content/cases/sample-case.mdx: rootCause: unknown root-cause id "gremlins"');
  });
});

describe("createContentLibrary", () => {
  it("derives related cases in both directions", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-content-"));
    fs.mkdirSync(path.join(dir, "cases"));
    fs.writeFileSync(path.join(dir, "cases", "case-a.mdx"), caseSource({ id: "case-a", related: ["case-b"] }));
    fs.writeFileSync(path.join(dir, "cases", "case-b.mdx"), caseSource({ id: "case-b" }));
    const { cases, rootCauses } = loadContent(dir);
    const library = createContentLibrary(cases, rootCauses);
    expect(library.relatedCases("case-b").map((c) => c.id)).toEqual(["case-a"]);
    expect(library.relatedCases("case-a").map((c) => c.id)).toEqual(["case-b"]);
  });
});

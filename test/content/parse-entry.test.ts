import { describe, expect, it } from "vitest";

import { parseCaseEntry } from "@/lib/content/parse-entry";

import { caseSource } from "../factories";

const FILE = "content/cases/sample-case.mdx";

describe("parseCaseEntry", () => {
  it("returns the validated entry for a good file", () => {
    const result = parseCaseEntry(FILE, caseSource());
    expect(result.ok && result.entry.frontmatter.rootCause).toBe("mtu-mismatch");
  });

  describe("when the entry is bad", () => {
    it("reports the line of the offending field", () => {
      const result = parseCaseEntry(FILE, caseSource({ rootCause: "gremlins" }));
      expect(result).toEqual({
        ok: false,
        problems: [{ file: FILE, line: 7, message: 'rootCause: unknown root-cause id "gremlins"' }],
      });
    });

    it("reports the line of a bad list item", () => {
      const source = caseSource().replace('platform: ["linux"]', "platform:\n  - linux\n  - solaris");
      const result = parseCaseEntry(FILE, source);
      expect(!result.ok && result.problems[0]).toMatchObject({ line: 11, message: expect.stringMatching(/^platform\.1: /) });
    });

    it("reports invalid YAML with its line", () => {
      const source = caseSource().replace('title: "Sample case"', "title: [unclosed");
      const result = parseCaseEntry(FILE, source);
      expect(!result.ok && result.problems[0].message).toMatch(/^frontmatter is not valid YAML/);
    });

    it("rejects an id that differs from the file name", () => {
      const result = parseCaseEntry("content/cases/other-name.mdx", caseSource());
      expect(!result.ok && result.problems[0].message).toBe('id: "sample-case" must equal the file name "other-name"');
    });

    it("rejects a file without frontmatter", () => {
      const result = parseCaseEntry(FILE, "## Issue\n");
      expect(!result.ok && result.problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(/missing frontmatter/) });
    });

    it("names a missing body section", () => {
      const result = parseCaseEntry(FILE, caseSource({}, "## Issue\n\n## Environment\n\n## Diagnosis\n\n## Cause\n\n## Resolution\n"));
      expect(!result.ok && result.problems.map((p) => p.message)).toEqual(['missing section "## How to spot it next time"']);
    });

    it("ignores headings inside code fences", () => {
      const body = "## Issue\n\n```text\n## Environment\n```\n";
      const result = parseCaseEntry(FILE, caseSource({}, body));
      expect(!result.ok && result.problems[0].message).toBe('missing section "## Environment"');
    });
  });
});

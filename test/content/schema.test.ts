import { describe, expect, it } from "vitest";

import { caseFrontmatterSchema, rootCauseFrontmatterSchema } from "@/lib/content/schema";

import { caseFrontmatter } from "../factories";

const issuesOf = (input: unknown) => {
  const result = caseFrontmatterSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("caseFrontmatterSchema", () => {
  it("accepts a complete case and fills list defaults", () => {
    const parsed = caseFrontmatterSchema.parse(caseFrontmatter());
    expect(parsed.related).toEqual([]);
    expect(parsed.errorStrings).toEqual([]);
  });

  it("rejects a case with a missing required field, naming it", () => {
    const { titleZh: _omitted, ...rest } = caseFrontmatter();
    expect(issuesOf(rest)).toEqual([expect.stringMatching(/^titleZh: /)]);
  });

  it("rejects an unknown root-cause id, quoting it", () => {
    expect(issuesOf(caseFrontmatter({ rootCause: "gremlins" }))).toEqual(['rootCause: unknown root-cause id "gremlins"']);
  });

  it("rejects an unknown id among the suspected causes", () => {
    expect(issuesOf(caseFrontmatter({ status: "unresolved", rootCause: null, suspectedCauses: ["mtu-mismatch", "nope"] }))).toEqual([
      'suspectedCauses.1: unknown root-cause id "nope"',
    ]);
  });

  it("rejects a resolved problem without a root cause", () => {
    expect(issuesOf(caseFrontmatter({ rootCause: null }))).toEqual(["rootCause: a resolved problem needs a root cause"]);
  });

  it("rejects an unresolved case that claims a root cause", () => {
    expect(issuesOf(caseFrontmatter({ status: "unresolved" }))).toHaveLength(1);
  });

  it("rejects a technique note with a root cause", () => {
    expect(issuesOf(caseFrontmatter({ type: "technique" }))[0]).toMatch(/^rootCause: a technique entry has no root cause/);
  });

  it("requires Chinese and English aliases", () => {
    expect(issuesOf(caseFrontmatter({ aliases: ["one", "two"] }))).toEqual(["aliases: needs at least one Chinese alias"]);
    expect(issuesOf(caseFrontmatter({ aliases: ["中文", "别名"] }))).toEqual(["aliases: needs at least one English alias"]);
  });

  it("rejects unknown fields, a non-slug id and an empty source", () => {
    expect(issuesOf(caseFrontmatter({ rootcause: "x" }))[0]).toMatch(/rootcause/);
    expect(issuesOf(caseFrontmatter({ id: "Bad Id" }))[0]).toMatch(/^id: /);
    expect(issuesOf(caseFrontmatter({ source: { file: "", section: "x" } }))[0]).toMatch(/^source.file: /);
  });
});

describe("rootCauseFrontmatterSchema", () => {
  const cause = {
    id: "mtu-mismatch",
    title: "MTU mismatch",
    titleZh: "MTU 不匹配",
    summary: "Large packets vanish.",
    layers: ["network"],
    aliases: ["pmtu blackhole", "MTU 黑洞"],
    signals: ["frag needed"],
  };

  it("accepts a taxonomy id", () => {
    expect(rootCauseFrontmatterSchema.safeParse(cause).success).toBe(true);
  });

  it("rejects an id outside the taxonomy", () => {
    expect(rootCauseFrontmatterSchema.safeParse({ ...cause, id: "mtu-problem" }).success).toBe(false);
  });
});

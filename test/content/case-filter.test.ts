import { describe, expect, it } from "vitest";

import { caseListQuerySchema, CASES_PER_PAGE, filterCases, pageOfCases } from "@/lib/content/case-filter";
import { toCaseSummary } from "@/lib/content/case-summary";
import { getContentLibrary } from "@/lib/content/library";

const cases = getContentLibrary().cases.map(toCaseSummary);

describe("the case list's filters and pages", () => {
  it("reads the URL query leniently: the first of repeated values, a bad page as page 1", () => {
    expect(caseListQuerySchema.parse({ cause: ["mtu-blackhole", "x"], page: "3" })).toEqual({ cause: "mtu-blackhole", page: 3 });
    for (const page of ["0", "-2", "abc", "1.5", undefined]) expect(caseListQuerySchema.parse({ page }).page).toBe(1);
    expect(caseListQuerySchema.parse({ type: "x".repeat(500) }).type).toBeUndefined();
  });

  it("lets through only the cases every filter matches", () => {
    const kubernetes = filterCases(cases, { platform: "kubernetes", page: 1 });
    expect(kubernetes.length).toBeGreaterThan(0);
    expect(kubernetes.length).toBeLessThan(cases.length);
    expect(kubernetes.every((c) => c.platform.includes("kubernetes"))).toBe(true);
    const both = filterCases(cases, { platform: "kubernetes", status: "unresolved", page: 1 });
    expect(both.every((c) => c.platform.includes("kubernetes") && c.status === "unresolved")).toBe(true);
    expect(both.length).toBeLessThan(kubernetes.length);
    const cause = cases[0].causes[0];
    expect(filterCases(cases, { symptom: "any", page: 1 }, [cause]).every((c) => c.causes.includes(cause))).toBe(true);
    expect(filterCases(cases, { symptom: "unknown", page: 1 }, undefined)).toEqual([]);
    expect(filterCases(cases, { page: 1 })).toEqual(cases);
  });

  it("pages a long list and cuts a page past the end to the last", () => {
    const rows = Array.from({ length: CASES_PER_PAGE * 2 + 5 }, (_, i) => i);
    expect(pageOfCases(rows, 1)).toMatchObject({ page: 1, pageCount: 3 });
    expect(pageOfCases(rows, 2).rows[0]).toBe(CASES_PER_PAGE);
    expect(pageOfCases(rows, 9)).toEqual({ rows: rows.slice(CASES_PER_PAGE * 2), page: 3, pageCount: 3 });
    expect(pageOfCases([], 4)).toEqual({ rows: [], page: 1, pageCount: 1 });
  });
});

import { describe, expect, it } from "vitest";

import { safeNextPath, signInPath } from "@/lib/auth/next-path";

// What a browser does with a redirect target, for the bypasses (WHATWG URL parsing, as browsers do).
const landsOn = (path: string) => new URL(path, "https://netriage.example/sign-in").origin;

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNextPath("/triage/abc?step=2#notes")).toBe("/triage/abc?step=2#notes");
    expect(safeNextPath("/cases/x%2Fy")).toBe("/cases/x%2Fy");
    expect(safeNextPath("/a/../train")).toBe("/train");
  });

  it("falls back to /triage when there is no next", () => {
    expect(safeNextPath(null)).toBe("/triage");
    expect(safeNextPath(undefined)).toBe("/triage");
    expect(safeNextPath("")).toBe("/triage");
  });

  const bypasses = [
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example/",
    "/\r\n/evil.example/",
    "/\t\\evil.example/",
    "\t//evil.example/",
    " //evil.example/",
    "/.//evil.example/",
    "/./\\evil.example/",
    "///evil.example/",
    "////evil.example/",
    "https://evil.example/",
    "https:evil.example",
    "http:/\\evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    // what the sign-in page receives for ?next=%2F%09%2Fevil.example%2F and its kin, once decoded
    decodeURIComponent("%2F%09%2Fevil.example%2F"),
    decodeURIComponent("%2F%0A%2Fevil.example%2F"),
    decodeURIComponent("%2F%5Cevil.example%2F"),
  ];

  it.each(bypasses)("never leaves the site for %j", (next) => {
    const path = safeNextPath(next);
    expect(landsOn(path)).toBe("https://netriage.example");
    expect(path.startsWith("/") && !path.startsWith("//")).toBe(true);
  });

  it("keeps encoded slashes encoded, so they stay a path on this site", () => {
    for (const next of ["/%2F%2Fevil.example/", "/%5C%5Cevil.example/", "/%09/evil.example"]) {
      const path = safeNextPath(next);
      expect(landsOn(path)).toBe("https://netriage.example");
      expect(path).toBe(next);
    }
  });
});

describe("signInPath", () => {
  it("signs in on the page's language and comes back to the page, query included", () => {
    expect(signInPath("/library/new")).toBe("/sign-in?next=%2Flibrary%2Fnew");
    expect(signInPath("/zh/library/x/edit")).toBe("/zh/sign-in?next=%2Fzh%2Flibrary%2Fx%2Fedit");
    expect(signInPath("/zh")).toBe("/zh/sign-in?next=%2Fzh");
    expect(signInPath("/zh/search?q=a&b=c")).toBe("/zh/sign-in?next=%2Fzh%2Fsearch%3Fq%3Da%26b%3Dc");
  });

  it("gives a next that safeNextPath keeps as it was", () => {
    for (const path of ["/review", "/zh/insights", "/zh/cases/x?session=1"]) {
      const next = new URL(signInPath(path), "https://netriage.example").searchParams.get("next");
      expect(safeNextPath(next)).toBe(path);
    }
  });
});

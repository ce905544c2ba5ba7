import { describe, expect, it } from "vitest";

import { localizePath, preferredLocale, splitLocale } from "@/lib/i18n/paths";

describe("localizePath", () => {
  it("prefixes Chinese paths and leaves English ones bare", () => {
    expect(localizePath("/cases/a", "zh")).toBe("/zh/cases/a");
    expect(localizePath("/", "zh")).toBe("/zh");
    expect(localizePath("/?q=1", "zh")).toBe("/zh?q=1");
    expect(localizePath("/zh/cases/a", "en")).toBe("/cases/a");
    expect(localizePath("/zh", "en")).toBe("/");
    expect(localizePath("/zh/cases/a", "zh")).toBe("/zh/cases/a");
  });
});

describe("splitLocale", () => {
  it("reads the language prefix and keeps the rest of the path", () => {
    expect(splitLocale("/zh/triage/abc")).toEqual({ locale: "zh", path: "/triage/abc" });
    expect(splitLocale("/zh?next=1")).toEqual({ locale: "zh", path: "/?next=1" });
    expect(splitLocale("/zhx/cases")).toEqual({ locale: "en", path: "/zhx/cases" });
    expect(splitLocale("/cases")).toEqual({ locale: "en", path: "/cases" });
  });
});

describe("preferredLocale", () => {
  it("picks the highest-weighted language we have", () => {
    expect(preferredLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(preferredLocale("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(preferredLocale("fr-FR,zh-TW;q=0.5,en;q=0.4")).toBe("zh");
    expect(preferredLocale("en;q=0.5,zh;q=0.6")).toBe("zh");
    expect(preferredLocale("fr, de;q=0.5")).toBeUndefined();
    expect(preferredLocale("zh;q=0")).toBeUndefined();
    expect(preferredLocale(null)).toBeUndefined();
  });
});

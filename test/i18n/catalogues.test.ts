import path from "node:path";

import { describe, expect, it } from "vitest";

import { checkCatalogues, compareCatalogues, placeholdersOf } from "@/lib/i18n/catalogues";

const MESSAGES_DIR = path.join(import.meta.dirname, "../../messages");
const fileOf = (locale: string) => `messages/${locale}.json`;

describe("the message catalogues", () => {
  it("have the same keys and placeholders in English and Chinese", () => {
    expect(checkCatalogues(MESSAGES_DIR)).toEqual([]);
  });
});

describe("compareCatalogues", () => {
  it("names a key missing in one language", () => {
    const problems = compareCatalogues({ en: { a: { b: "B", c: "C" } }, zh: { a: { b: "乙" } } }, fileOf);
    expect(problems).toEqual([{ file: "messages/zh.json", line: 1, message: 'missing key "a.c" (present in en.json)' }]);
  });

  it("names different placeholders and empty messages", () => {
    const problems = compareCatalogues({ en: { a: "{count} cases", b: "x" }, zh: { a: "{total} 个案例", b: " " } }, fileOf);
    expect(problems.map((p) => p.message)).toEqual(['key "a": placeholders {total} differ from en.json\'s {count}', 'key "b" is empty']);
  });
});

describe("placeholdersOf", () => {
  it("reads plain, plural and select arguments but not the branches' text", () => {
    expect(placeholdersOf("{count, plural, one {# case of {name}} other {# cases}} in {place}")).toEqual(["count", "name", "place"]);
    expect(placeholdersOf("{right, select, true {right} other {wrong}}")).toEqual(["right"]);
  });
});

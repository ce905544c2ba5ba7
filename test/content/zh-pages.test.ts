import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { cacheKeyOf, pageSource } from "@/lib/content/compiled";
import { ContentError, loadContent } from "@/lib/content/load-content";
import { parseCaseZhPage, parseRootCauseZhPage } from "@/lib/content/parse-entry";

import { caseSource, caseZhSource } from "../factories";

const ZH_FILE = "content/zh/cases/sample-case.mdx";

function contentDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-zh-"));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe("parseCaseZhPage", () => {
  it("returns the Chinese title, symptoms and body", () => {
    const result = parseCaseZhPage(ZH_FILE, caseZhSource(), "problem");
    expect(result.ok && result.entry.frontmatter).toEqual({ id: "sample-case", title: "示例案例", symptoms: ["大文件传输卡住"] });
    expect(result.ok && result.entry.body).toContain("## 问题");
  });

  it("rejects English frontmatter keys the Chinese page does not own", () => {
    const result = parseCaseZhPage(ZH_FILE, caseZhSource({ rootCause: "mtu-mismatch" }), "problem");
    expect(!result.ok && result.problems[0].message).toMatch(/rootCause/);
  });

  it("rejects a title without Chinese text", () => {
    const result = parseCaseZhPage(ZH_FILE, caseZhSource({ title: "Sample case" }), "problem");
    expect(!result.ok && result.problems[0].message).toBe("title: must contain Chinese text");
  });

  it("requires the Chinese section headings of the English entry's type", () => {
    const result = parseCaseZhPage(ZH_FILE, caseZhSource({}, "## 问题\n\n## 解答\n\n## 要点\n"), "problem");
    expect(!result.ok && result.problems[0].message).toBe('missing section "## 环境"');
    expect(parseCaseZhPage(ZH_FILE, caseZhSource({}, "## 问题\n\n## 解答\n\n## 要点\n"), "technique").ok).toBe(true);
  });

  it("checks a root cause page's sections", () => {
    const source = '---\nid: mtu-mismatch\ntitle: "MTU 不匹配"\nsummary: "路径 MTU 小于端点假设的值。"\n---\n\n## 定义\n\n## 表现\n\n## 如何确认\n';
    const result = parseRootCauseZhPage("content/zh/root-causes/mtu-mismatch.mdx", source);
    expect(!result.ok && result.problems[0].message).toBe('missing section "## 修复与预防"');
  });
});

describe("loadContent with Chinese pages", () => {
  it("attaches the Chinese page to its English entry", () => {
    const dir = contentDir({ "cases/sample-case.mdx": caseSource(), "zh/cases/sample-case.mdx": caseZhSource() });
    const [entry] = loadContent(dir).cases;
    expect(entry.zh?.frontmatter.title).toBe("示例案例");
    expect(entry.zh?.file).toBe(ZH_FILE);
  });

  it("leaves zh unset when there is no Chinese page", () => {
    const dir = contentDir({ "cases/sample-case.mdx": caseSource() });
    expect(loadContent(dir).cases[0].zh).toBeUndefined();
  });

  it("stops on a bad Chinese page with its file", () => {
    const dir = contentDir({ "cases/sample-case.mdx": caseSource(), "zh/cases/sample-case.mdx": caseZhSource({ symptoms: [] }) });
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(`${ZH_FILE}: symptoms:`);
  });
});

describe("pageSource", () => {
  const dir = contentDir({ "cases/sample-case.mdx": caseSource(), "zh/cases/sample-case.mdx": caseZhSource() });
  const [withZh] = loadContent(dir).cases;
  const withoutZh = { ...withZh, zh: undefined };

  it("compiles the Chinese page for zh under its own cache key", () => {
    expect(pageSource(withZh, "zh")).toEqual({ locale: "zh", source: withZh.zh?.source });
    expect(cacheKeyOf(withZh, "zh")).not.toBe(cacheKeyOf(withZh, "en"));
  });

  it("falls back to the English page when the Chinese one is missing", () => {
    expect(pageSource(withoutZh, "zh")).toEqual({ locale: "en", source: withZh.source });
  });
});

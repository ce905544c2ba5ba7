import fs from "node:fs";
import path from "node:path";

import {
  parseCaseEntry,
  parseCaseZhPage,
  parseRootCauseEntry,
  parseRootCauseZhPage,
  type CaseEntry,
  type CaseZhPage,
  type ContentProblem,
  type ParseResult,
  type RootCauseEntry,
  type RootCauseZhPage,
} from "./parse-entry";

export const CASES_DIR = "cases";
export const ROOT_CAUSES_DIR = "root-causes";
/** Chinese pages mirror the English tree under this folder: `zh/cases/<id>.mdx`, `zh/root-causes/<id>.mdx`. */
export const ZH_DIR = "zh";

export class ContentError extends Error {
  constructor(readonly problem: ContentProblem) {
    super(`${problem.file}: ${problem.message}`);
    this.name = "ContentError";
  }
}

export type RawContent = {
  cases: ParseResult<CaseEntry>[];
  rootCauses: ParseResult<RootCauseEntry>[];
  zhCases: ParseResult<CaseZhPage>[];
  zhRootCauses: ParseResult<RootCauseZhPage>[];
};

/**
 * Reads and parses every entry and Chinese page under contentDir, keeping failures (for content:check).
 * `zhSections: false` skips checking the Chinese pages' sections (reading a Markdown tree per page), which
 * content:check does; loading for the app then costs little more than English alone.
 */
export function readContent(contentDir: string, { zhSections = true }: { zhSections?: boolean } = {}): RawContent {
  const cases = listMdxFiles(path.join(contentDir, CASES_DIR)).map((file) => parseCaseEntry(relativeTo(contentDir, file), fs.readFileSync(file, "utf8")));
  const caseTypes = new Map(cases.flatMap((result) => (result.ok ? [[result.entry.id, result.entry.frontmatter.type] as const] : [])));
  return {
    cases,
    rootCauses: listMdxFiles(path.join(contentDir, ROOT_CAUSES_DIR)).map((file) =>
      parseRootCauseEntry(relativeTo(contentDir, file), fs.readFileSync(file, "utf8")),
    ),
    zhCases: listMdxFiles(path.join(contentDir, ZH_DIR, CASES_DIR)).map((file) =>
      parseCaseZhPage(relativeTo(contentDir, file), fs.readFileSync(file, "utf8"), zhSections ? caseTypes.get(path.basename(file, ".mdx")) : undefined),
    ),
    zhRootCauses: listMdxFiles(path.join(contentDir, ZH_DIR, ROOT_CAUSES_DIR)).map((file) =>
      parseRootCauseZhPage(relativeTo(contentDir, file), fs.readFileSync(file, "utf8"), zhSections),
    ),
  };
}

/**
 * Loads all entries with their Chinese pages; throws ContentError (`file: field: message`) on the first bad
 * one. The Chinese pages' sections are left to content:check.
 */
export function loadContent(contentDir: string): { cases: CaseEntry[]; rootCauses: RootCauseEntry[] } {
  const raw = readContent(contentDir, { zhSections: false });
  const zhCases = new Map(unwrapAll(raw.zhCases).map((page) => [page.frontmatter.id, page]));
  const zhRootCauses = new Map<string, RootCauseZhPage>(unwrapAll(raw.zhRootCauses).map((page) => [page.frontmatter.id, page]));
  return {
    cases: unwrapAll(raw.cases).map((entry) => withZh(entry, zhCases.get(entry.id))),
    rootCauses: unwrapAll(raw.rootCauses).map((entry) => withZh(entry, zhRootCauses.get(entry.id))),
  };
}

function withZh<E extends { zh?: unknown }>(entry: E, zh: E["zh"] | undefined): E {
  return zh ? { ...entry, zh } : entry;
}

function unwrapAll<E>(results: ParseResult<E>[]): E[] {
  return results.map((result) => {
    if (!result.ok) throw new ContentError(result.problems[0]);
    return result.entry;
  });
}

function listMdxFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => path.join(dir, name));
}

function relativeTo(contentDir: string, file: string): string {
  return path.join("content", path.relative(contentDir, file));
}

import fs from "node:fs";
import path from "node:path";

import { parseCaseEntry, parseRootCauseEntry, type CaseEntry, type ContentProblem, type ParseResult, type RootCauseEntry } from "./parse-entry";

export const CASES_DIR = "cases";
export const ROOT_CAUSES_DIR = "root-causes";

export class ContentError extends Error {
  constructor(readonly problem: ContentProblem) {
    super(`${problem.file}: ${problem.message}`);
    this.name = "ContentError";
  }
}

export type RawContent = {
  cases: ParseResult<CaseEntry>[];
  rootCauses: ParseResult<RootCauseEntry>[];
};

/** Reads and parses every entry under contentDir, keeping failures (for content:check). */
export function readContent(contentDir: string): RawContent {
  return {
    cases: listMdxFiles(path.join(contentDir, CASES_DIR)).map((file) => parseCaseEntry(relativeTo(contentDir, file), fs.readFileSync(file, "utf8"))),
    rootCauses: listMdxFiles(path.join(contentDir, ROOT_CAUSES_DIR)).map((file) =>
      parseRootCauseEntry(relativeTo(contentDir, file), fs.readFileSync(file, "utf8")),
    ),
  };
}

/** Loads all entries; throws ContentError (`file: field: message`) on the first bad one. */
export function loadContent(contentDir: string): { cases: CaseEntry[]; rootCauses: RootCauseEntry[] } {
  const raw = readContent(contentDir);
  return { cases: unwrapAll(raw.cases), rootCauses: unwrapAll(raw.rootCauses) };
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

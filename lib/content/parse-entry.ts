import matter from "gray-matter";
import type { z } from "zod";

import { listSectionHeadings } from "./markdown";
import {
  caseFrontmatterSchema,
  caseZhFrontmatterSchema,
  REQUIRED_HEADINGS,
  REQUIRED_HEADINGS_ZH,
  rootCauseFrontmatterSchema,
  rootCauseZhFrontmatterSchema,
  type CaseFrontmatter,
  type CaseZhFrontmatter,
  type RootCauseFrontmatter,
  type RootCauseZhFrontmatter,
} from "./schema";

// The sections of a body are read from its Markdown tree (./markdown); re-exported for the callers.
export { getSectionMarkdown, listSectionHeadings } from "./markdown";

export type EntryKind = "case" | "rootCause";

export type ContentProblem = { file: string; line: number; message: string };

/** One parsed MDX file: frontmatter, body and where the body starts. */
export type ParsedPage<F> = {
  file: string;
  source: string;
  body: string;
  bodyStartLine: number;
  frontmatter: F;
};

/** A page's Chinese text (`content/zh/...`): its own frontmatter and body, compiled like the English one. */
export type CaseZhPage = ParsedPage<CaseZhFrontmatter>;
export type RootCauseZhPage = ParsedPage<RootCauseZhFrontmatter>;

export type CaseEntry = {
  kind: "case";
  id: string;
  file: string;
  source: string;
  body: string;
  bodyStartLine: number;
  frontmatter: CaseFrontmatter;
  /** The Chinese page, when `content/zh/cases/<id>.mdx` exists. */
  zh?: CaseZhPage;
};

export type RootCauseEntry = {
  kind: "rootCause";
  id: string;
  file: string;
  source: string;
  body: string;
  bodyStartLine: number;
  frontmatter: RootCauseFrontmatter;
  /** The Chinese page, when `content/zh/root-causes/<id>.mdx` exists. */
  zh?: RootCauseZhPage;
};

export type ContentEntry = CaseEntry | RootCauseEntry;

export type ParseResult<E> = { ok: true; entry: E } | { ok: false; problems: ContentProblem[] };

/** Which required sections a body has: a case's type, or a root cause. */
export type HeadingKey = keyof typeof REQUIRED_HEADINGS;

type YamlError = Error & { mark?: { line?: number } };

/** Parses and validates one MDX entry. Pure: the caller does the I/O. */
export function parseCaseEntry(file: string, source: string): ParseResult<CaseEntry> {
  return parseEntry(file, source, "case");
}

export function parseRootCauseEntry(file: string, source: string): ParseResult<RootCauseEntry> {
  return parseEntry(file, source, "rootCause");
}

/**
 * Parses a Chinese page. `headings` is the English entry's kind of body (its required sections are
 * checked in their Chinese form); undefined when the English entry is missing or invalid, or when the
 * caller leaves the sections unchecked.
 */
export function parseCaseZhPage(file: string, source: string, headings: HeadingKey | undefined): ParseResult<CaseZhPage> {
  return parsePage(file, source, caseZhFrontmatterSchema, () => headings && REQUIRED_HEADINGS_ZH[headings]);
}

export function parseRootCauseZhPage(file: string, source: string, checkSections = true): ParseResult<RootCauseZhPage> {
  return parsePage(file, source, rootCauseZhFrontmatterSchema, () => (checkSections ? REQUIRED_HEADINGS_ZH.rootCause : undefined));
}

function parseEntry<E extends ContentEntry>(file: string, source: string, kind: EntryKind): ParseResult<E> {
  const schema: z.ZodType<CaseFrontmatter | RootCauseFrontmatter> = kind === "case" ? caseFrontmatterSchema : rootCauseFrontmatterSchema;
  const page = parsePage(file, source, schema, (frontmatter) => REQUIRED_HEADINGS["type" in frontmatter ? frontmatter.type : "rootCause"]);
  if (!page.ok) return page;
  const entry = { kind, id: page.entry.frontmatter.id, ...page.entry } as E;
  return { ok: true, entry };
}

/** Parses frontmatter and body, checks the id against the file name and the body's required sections. */
function parsePage<F extends { id: string }>(
  file: string,
  source: string,
  schema: z.ZodType<F>,
  requiredHeadings: (frontmatter: F) => readonly string[] | undefined,
): ParseResult<ParsedPage<F>> {
  if (!source.startsWith("---")) {
    return fail(file, 1, "missing frontmatter: the file must start with a --- block");
  }
  let data: Record<string, unknown>;
  let body: string;
  try {
    // Passing options turns off gray-matter's module-level cache, which returns shared objects.
    const parsed = matter(source, {});
    data = parsed.data;
    body = parsed.content;
  } catch (error) {
    const yamlError = error as YamlError;
    const line = (yamlError.mark?.line ?? 0) + 2;
    return fail(file, line, `frontmatter is not valid YAML: ${firstLine(yamlError.message)}`);
  }

  const frontmatterLines = source.split("\n", countFrontmatterLines(source)).slice(1);
  const bodyStartLine = countFrontmatterLines(source) + 1;
  const result = schema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({
        file,
        line: findFieldLine(frontmatterLines, issue.path),
        message: `${issue.path.join(".") || "frontmatter"}: ${issue.message}`,
      })),
    };
  }

  const frontmatter = result.data;
  const expectedId = fileStem(file);
  if (frontmatter.id !== expectedId) {
    return fail(file, findFieldLine(frontmatterLines, ["id"]), `id: "${frontmatter.id}" must equal the file name "${expectedId}"`);
  }

  const headings = requiredHeadings(frontmatter);
  const headingProblems = headings ? checkHeadings(file, body, bodyStartLine, headings) : [];
  if (headingProblems.length > 0) return { ok: false, problems: headingProblems };

  return { ok: true, entry: { file, source, body, bodyStartLine, frontmatter } };
}

function checkHeadings(file: string, body: string, bodyStartLine: number, required: readonly string[]): ContentProblem[] {
  const headings = listSectionHeadings(body, bodyStartLine);
  const problems: ContentProblem[] = [];
  let cursor = 0;
  for (const title of required) {
    const index = headings.findIndex((h, i) => i >= cursor && h.title === title);
    if (index === -1) {
      const present = headings.some((h) => h.title === title);
      problems.push({
        file,
        line: headings[cursor]?.line ?? bodyStartLine,
        message: present ? `section "## ${title}" is out of order (expected: ${required.join(", ")})` : `missing section "## ${title}"`,
      });
    } else {
      cursor = index + 1;
    }
  }
  return problems;
}

function countFrontmatterLines(source: string): number {
  const lines = source.split("\n");
  const closing = lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  return closing === -1 ? lines.length : closing + 1;
}

/** Finds the 1-based line of a frontmatter field path (top-level key, then list item). */
function findFieldLine(frontmatterLines: string[], path: readonly PropertyKey[]): number {
  const [key, index] = path;
  if (typeof key !== "string") return 1;
  const keyLine = frontmatterLines.findIndex((line) => line.startsWith(`${key}:`));
  if (keyLine === -1) return 1;
  if (typeof index === "number") {
    let seen = -1;
    for (let i = keyLine + 1; i < frontmatterLines.length && /^\s/.test(frontmatterLines[i]); i++) {
      if (/^\s+- /.test(frontmatterLines[i]) && ++seen === index) return i + 2;
    }
  }
  return keyLine + 2;
}

function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.mdx$/, "");
}

function firstLine(message: string): string {
  return message.split("\n")[0];
}

function fail<E>(file: string, line: number, message: string): ParseResult<E> {
  return { ok: false, problems: [{ file, line, message }] };
}

// The fields of a case as the editor and the API carry them, and the MDX file they make: the same
// frontmatter and body as content/cases/<id>.mdx (lib/content/schema.ts). A draft may be incomplete;
// lib/library/check-case.ts says what is missing, field by field.
import matter from "gray-matter";
import { z } from "zod";

import { CASE_STATUSES, CASE_TYPES, LAYERS, PLATFORMS, rootCauseIdSchema } from "../content/schema";

export { IN_APP_SOURCE } from "../content/source-collections";

export const LIBRARY_STATES = ["draft", "in-review", "published", "archived"] as const;
export type LibraryState = (typeof LIBRARY_STATES)[number];

export const MAX_CASE_BODY = 200_000;
/** Largest request that writes a case: two bodies (English and Chinese) of up to 3 UTF-8 bytes a character, fields and JSON escapes. */
export const MAX_CASE_REQUEST_BYTES = MAX_CASE_BODY * 8;
const text = z.string().max(2_000, "at most 2,000 characters");
const textList = z.array(text).max(200, "at most 200 entries");

/** The frontmatter fields of a case being written: types are checked, completeness is not (yet). */
export const draftFieldsSchema = z
  .object({
    id: z.string().max(100, "at most 100 characters").optional(),
    title: z.string().trim().min(1, "a case needs a title").max(300, "at most 300 characters"),
    titleZh: z.string().max(300, "at most 300 characters").default(""),
    type: z.enum(CASE_TYPES).default("problem"),
    status: z.enum(CASE_STATUSES).default("resolved"),
    rootCause: rootCauseIdSchema.nullable().default(null),
    suspectedCauses: z.array(rootCauseIdSchema).default([]),
    ruledOutCauses: z.array(rootCauseIdSchema).default([]),
    relatedCauses: z.array(rootCauseIdSchema).default([]),
    platform: z.array(z.enum(PLATFORMS)).default([]),
    layers: z.array(z.enum(LAYERS)).default([]),
    symptoms: textList.default([]),
    errorStrings: textList.default([]),
    commands: textList.default([]),
    tags: textList.default([]),
    aliases: textList.default([]),
    source: z.object({ file: text, section: text }).strict().optional(),
    related: z.array(z.string().max(100)).max(50).default([]),
  })
  .strict();

export type CaseFields = z.infer<typeof draftFieldsSchema>;

const bodySchema = z.string().max(MAX_CASE_BODY, `at most ${MAX_CASE_BODY.toLocaleString("en")} characters`);

/**
 * A case's Chinese version, the page content/zh/cases/<id>.mdx: its symptoms and body (its title is the
 * case's `titleZh`). Null when the case has none yet.
 */
export const zhVersionSchema = z.object({ symptoms: textList, body: bodySchema }).strict();
export type ZhVersion = z.infer<typeof zhVersionSchema>;

/** The stored Chinese version of a case or a revision (a JSON column, null without one). */
export function storedZh(row: { zh: string | null }): ZhVersion | null {
  return row.zh === null ? null : zhVersionSchema.parse(JSON.parse(row.zh));
}

export const zhJson = (zh: ZhVersion | null): string | null => (zh === null ? null : JSON.stringify(zh));

/** POST /api/cases: the case fields and body (and optionally its Chinese version), or the triage session to write it from. */
export const createCaseSchema = draftFieldsSchema.extend({ body: bodySchema.default(""), zh: zhVersionSchema.nullable().default(null) });
export const fromSessionSchema = z.object({ fromSession: z.string().min(1).max(100) }).strict();

/** PUT /api/cases/<id>: the version read, and the new fields, body and/or Chinese version (null removes it). */
export const saveCaseSchema = z
  .object({
    version: z.number().int().positive(),
    fields: draftFieldsSchema.omit({ id: true }).optional(),
    body: bodySchema.optional(),
    zh: zhVersionSchema.nullable().optional(),
  })
  .strict();

/** POST /api/cases/<id>/<action>: optionally the version read (409 when it moved on), and a comment. */
export const caseActionSchema = z
  .object({ version: z.number().int().positive().optional(), comment: z.string().trim().max(10_000, "at most 10,000 characters").optional() })
  .strict();

/** The editor's preview: the case as written so far (the id it has or will have, its fields, body and Chinese version), and which version to render. */
export const previewCaseSchema = z
  .object({
    id: z.string().max(100),
    fields: draftFieldsSchema.omit({ id: true }),
    body: bodySchema,
    zh: zhVersionSchema.nullable().default(null),
    show: z.enum(["en", "zh"]).default("en"),
  })
  .strict();

export type CreateCaseInput = z.input<typeof createCaseSchema>;
export type SaveCaseInput = z.infer<typeof saveCaseSchema>;

/** The order of keys in a written file: the order lib/content/schema.ts declares them. */
const FIELD_ORDER = Object.keys(draftFieldsSchema.shape) as (keyof CaseFields)[];

/**
 * The MDX file of a case: frontmatter (lists one item per line, so a problem points at its line)
 * and body. Strings are written as JSON, which YAML reads as the same double-quoted string.
 */
export function toCaseMdx(id: string, fields: Omit<CaseFields, "id">, body: string): string {
  const lines = [`id: ${JSON.stringify(id)}`];
  for (const key of FIELD_ORDER) {
    if (key === "id") continue;
    const value = fields[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) lines.push(...listLines(key, value));
    else if (typeof value === "object" && value !== null) {
      lines.push(`${key}:`, ...Object.entries(value).map(([name, item]) => `  ${name}: ${JSON.stringify(item)}`));
    } else {
      lines.push(`${key}: ${JSON.stringify(value)}`);
    }
  }
  return mdxFile(lines, body);
}

/** The Chinese page of a case, as content/zh/cases/<id>.mdx: id, title (the case's titleZh), symptoms, then the body. */
export function toCaseZhMdx(id: string, titleZh: string, zh: ZhVersion): string {
  return mdxFile([`id: ${JSON.stringify(id)}`, `title: ${JSON.stringify(titleZh)}`, ...listLines("symptoms", zh.symptoms)], zh.body);
}

function listLines(key: string, values: readonly string[]): string[] {
  return values.length === 0 ? [`${key}: []`] : [`${key}:`, ...values.map((item) => `  - ${JSON.stringify(item)}`)];
}

function mdxFile(frontmatter: string[], body: string): string {
  return `${["---", ...frontmatter, "---", ""].join("\n")}\n${body.replace(/^\n+/, "")}${body.endsWith("\n") ? "" : "\n"}`;
}

/** Fields and body of an MDX case file (the draft a triage session exports); fields the draft schema refuses are dropped. */
export function splitCaseMdx(source: string): { fields: Partial<CaseFields>; body: string } {
  const parsed = matter(source, {});
  const data = parsed.data as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    if (!(key in data)) continue;
    const checked = draftFieldsSchema.shape[key].safeParse(data[key]);
    if (checked.success) fields[key] = checked.data;
  }
  return { fields: fields as Partial<CaseFields>, body: parsed.content.replace(/^\n+/, "") };
}

import { z } from "zod";

import { causesNamedBy } from "../content/entry-symptoms";
import type { ContentLibrary } from "../content/library";
import { markdownToPlainText } from "../content/markdown";
import type { CaseEntry, RootCauseEntry } from "../content/parse-entry";

export const SEARCH_KINDS = ["case", "cause"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One searchable entry: the text fields of a case or a root cause plus the facets the filters use. */
export const searchDocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(SEARCH_KINDS),
  title: z.string(),
  titleZh: z.string(),
  type: z.string().nullable().describe("case type (problem, how-to, technique); null for a root cause"),
  platform: z.array(z.string()),
  layers: z.array(z.string()),
  causes: z.array(z.string()).describe("root causes the entry names; a root cause names itself"),
  aliases: z.array(z.string()),
  symptoms: z.array(z.string()),
  errorStrings: z.array(z.string()),
  commands: z.array(z.string()),
  tags: z.array(z.string()),
  body: z.string().describe("the MDX body as plain text, one paragraph, list item or code line per line"),
  bodyZh: z.string().describe("the Chinese page's symptoms (or summary) and prose, one per line; its code is the English page's, so it is left out"),
});

export type SearchDocument = z.infer<typeof searchDocumentSchema>;

/** The searchable fields and their weight in ranking; the body is the long tail. */
export const FIELD_WEIGHTS = {
  title: 3,
  titleZh: 3,
  aliases: 2.5,
  errorStrings: 2,
  symptoms: 2,
  commands: 1.5,
  tags: 1.5,
  body: 1,
  bodyZh: 1,
} as const;

export type SearchField = keyof typeof FIELD_WEIGHTS;
export const SEARCH_FIELDS = Object.keys(FIELD_WEIGHTS) as SearchField[];

/** The values of one field as a list of strings. */
export function fieldValues(doc: SearchDocument, field: SearchField): string[] {
  const value = doc[field];
  return typeof value === "string" ? [value] : value;
}

/** Every case, then every root cause, as search documents. */
export function toSearchDocuments(library: Pick<ContentLibrary, "cases" | "rootCauses">): SearchDocument[] {
  return [...library.cases.map(toCaseDocument), ...library.rootCauses.map(toCauseDocument)];
}

export function toCaseDocument({ frontmatter: f, body, zh }: CaseEntry): SearchDocument {
  return {
    id: f.id,
    kind: "case",
    title: f.title,
    titleZh: f.titleZh,
    type: f.type,
    platform: f.platform,
    layers: f.layers,
    causes: causesNamedBy(f),
    aliases: f.aliases,
    symptoms: f.symptoms,
    errorStrings: f.errorStrings,
    commands: f.commands,
    tags: f.tags,
    body: mdxToPlainText(body),
    bodyZh: zh ? [...zh.frontmatter.symptoms, markdownToPlainText(zh.body, { code: false })].join("\n") : "",
  };
}

export function toCauseDocument({ frontmatter: f, body, zh }: RootCauseEntry): SearchDocument {
  return {
    id: f.id,
    kind: "cause",
    title: f.title,
    titleZh: f.titleZh,
    type: null,
    platform: [],
    layers: f.layers,
    causes: [f.id],
    aliases: f.aliases,
    symptoms: [f.summary],
    errorStrings: f.signals,
    commands: [],
    tags: [],
    body: mdxToPlainText(body),
    bodyZh: zh ? [zh.frontmatter.summary, markdownToPlainText(zh.body, { code: false })].join("\n") : "",
  };
}

/** Markdown/MDX to searchable plain text (see lib/content/markdown). */
export const mdxToPlainText = markdownToPlainText;

import { causesNamedBy } from "../content/entry-symptoms";
import type { CaseEntry, RootCauseEntry } from "../content/parse-entry";

export const SEARCH_KINDS = ["case", "cause"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One searchable entry: the text fields of a case or a root cause plus the facets the filters use. */
export type SearchDocument = {
  id: string;
  kind: SearchKind;
  title: string;
  titleZh: string;
  /** Case type (problem, how-to, technique); null for a root cause. */
  type: string | null;
  platform: string[];
  layers: string[];
  /** Root causes the entry names (a root cause names itself). */
  causes: string[];
  aliases: string[];
  symptoms: string[];
  errorStrings: string[];
  commands: string[];
  tags: string[];
  /** The MDX body as plain text, one paragraph, list item or code line per line. */
  body: string;
};

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
} as const;

export type SearchField = keyof typeof FIELD_WEIGHTS;
export const SEARCH_FIELDS = Object.keys(FIELD_WEIGHTS) as SearchField[];

/** The values of one field as a list of strings. */
export function fieldValues(doc: SearchDocument, field: SearchField): string[] {
  const value = doc[field];
  return typeof value === "string" ? [value] : value;
}

export function toCaseDocument({ frontmatter: f, body }: CaseEntry): SearchDocument {
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
  };
}

export function toCauseDocument({ frontmatter: f, body }: RootCauseEntry): SearchDocument {
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
  };
}

/**
 * Markdown/MDX to searchable plain text: code blocks keep their content (commands and outputs are
 * what engineers paste), markup characters go, links keep their text. One line per source line.
 */
export function mdxToPlainText(body: string): string {
  const lines: string[] = [];
  for (const raw of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(raw)) continue;
    const line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, "")
      .replace(/^\s*(?:[-*+]|\d+\.)\s+/, "")
      .replace(/^\s*>\s?/, "")
      .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, "$1")
      .replace(/\*\*|`/g, "")
      .trim();
    const tableRule = /^[|:\s-]+$/.test(line);
    if (line && !tableRule) lines.push(line);
  }
  return lines.join("\n");
}

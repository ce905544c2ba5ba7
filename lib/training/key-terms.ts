import type { RootCauseEntry } from "../content/parse-entry";
import type { RootCauseId } from "../content/root-cause-ids";

/** What replaces a redacted term in a prompt. */
export const REDACTED = "[…]";

/**
 * A word stops being distinctive once three causes use it in their titles or aliases (TCP, DNS,
 * overflow), or once the tickets of three different causes use it (node, kernel, application).
 */
const MAX_CAUSES_PER_TERM = 2;

const CJK = /[\u3400-\u9fff]/;
const STOPWORDS = new Set(
  "a an and are as at both by does for from in into is it its itself make makes no not of on or over than the through to too when win with without".split(" "),
);

export type KeyTerm = { term: string; pattern: RegExp };

export type CauseTerms = {
  id: RootCauseId;
  title: string;
  /** The id, the title, then the distinctive words and word pairs that name the cause. */
  terms: KeyTerm[];
};

/** A ticket of the library: its prompt text and the cause it was resolved to (or its own id when unresolved). */
export type TicketText = { cause: string; text: string };

/** English words of a title or alias, trimmed of punctuation and of a possessive or plural ending. */
export function tokenize(text: string): string[] {
  return text
    .split(/[\s,()"]+/)
    .map((raw) => raw.replace(/^[.:;'/]+|[.:;'!?]+$/g, "").replace(/'s$/i, ""))
    .filter((word) => word.length >= 2 && !CJK.test(word))
    .map(singular);
}

function singular(word: string): string {
  if (!/^[a-z]+$/i.test(word) || word.length < 4 || STOPWORDS.has(word.toLowerCase())) return word;
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|ss|x)es$/i.test(word)) return word.slice(0, -2);
  return /[^su]s$/i.test(word) ? word.slice(0, -1) : word;
}

/** snake_case, dotted names, CamelCase counters, ALL-CAPS acronyms, and words mixing letters and digits. */
export function isTechnicalToken(word: string): boolean {
  return (
    word.includes("_") ||
    /\w\.\w/.test(word) ||
    /[a-z][A-Z]/.test(word) ||
    /^[A-Z][A-Z0-9]{2,}$/.test(word) ||
    (/\d/.test(word) && /[a-z]/i.test(word) && /^[\w.-]+$/.test(word))
  );
}

/** Title words and adjacent word pairs, without stopwords. */
function titleTerms(title: string): string[] {
  const words = tokenize(title);
  const terms: string[] = [];
  words.forEach((word, i) => {
    if (STOPWORDS.has(word.toLowerCase())) return;
    terms.push(word);
    const next = words[i + 1];
    if (next && !STOPWORDS.has(next.toLowerCase())) terms.push(`${word} ${next}`);
  });
  return terms;
}

/**
 * The key terms of every cause: its id, its title, and the words and word pairs of its title and
 * the technical tokens of its English aliases that stay distinctive (see MAX_CAUSES_PER_TERM). Pure.
 */
export function buildCauseTerms(rootCauses: RootCauseEntry[], tickets: TicketText[]): Map<RootCauseId, CauseTerms> {
  const nameText = new Map(rootCauses.map((c) => [c.id, [c.frontmatter.title, ...c.frontmatter.aliases].join("\n")]));
  const causesNaming = (pattern: RegExp) => [...nameText.values()].filter((text) => new RegExp(pattern).test(text)).length;
  const ticketCausesUsing = (pattern: RegExp) => new Set(tickets.filter((t) => new RegExp(pattern).test(t.text)).map((t) => t.cause)).size;

  return new Map(
    rootCauses.map((cause) => {
      const { id, title, aliases } = cause.frontmatter;
      const englishAliases = aliases.filter((alias) => !CJK.test(alias));
      const candidates = [...titleTerms(title), ...englishAliases.flatMap(tokenize).filter(isTechnicalToken)];
      const words = dedupe(candidates.map((c) => c.toLowerCase()))
        .map((term) => ({ term, pattern: termPattern(term) }))
        .filter(({ pattern }) => causesNaming(pattern) <= MAX_CAUSES_PER_TERM && ticketCausesUsing(pattern) <= MAX_CAUSES_PER_TERM);
      const terms = [{ term: id, pattern: termPattern(id) }, { term: title, pattern: termPattern(title) }, ...words];
      return [id, { id, title, terms }];
    }),
  );
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Matches the term as whole words in any case, with an optional plural; the parts of "keep-alive"
 * or "SYN queue" may be joined by a hyphen, a space or nothing.
 */
export function termPattern(term: string): RegExp {
  const body = term
    .split(/[-\s]+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("[-\\s]?");
  return new RegExp(`(?<!\\w)${body}(?:e?s)?(?!\\w)`, "gi");
}

/** The terms that occur in the text. */
export function findKeyTerms(text: string, terms: KeyTerm[]): string[] {
  return terms.filter(({ pattern }) => new RegExp(pattern).test(text)).map(({ term }) => term);
}

/** Replaces every occurrence of the terms, longest first, with REDACTED. */
export function redactKeyTerms(text: string, terms: KeyTerm[]): string {
  return [...terms].sort((a, b) => b.term.length - a.term.length).reduce((out, { pattern }) => out.replace(pattern, REDACTED), text);
}

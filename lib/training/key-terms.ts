import type { RootCauseEntry } from "../content/parse-entry";
import type { RootCauseId } from "../content/root-cause-ids";
import { CJK_CHAR, CJK_RANGE } from "../i18n/cjk";

/** What replaces a redacted term in a prompt. */
export const REDACTED = "[…]";

/**
 * A word stops being distinctive once three causes use it in their titles or aliases (TCP, DNS,
 * overflow), or once the tickets of three different causes use it (node, kernel, application).
 */
const MAX_CAUSES_PER_TERM = 2;

const CJK_RUNS = new RegExp(`[${CJK_RANGE}]+`, "g");
/** Chinese terms are runs of CJK characters and their parts from this length on ("半连接" of "半连接队列溢出"). */
const MIN_CHINESE_TERM = 3;
const STOPWORDS = new Set("a an and are as at by for from in into is it its of on or over than the to with without".split(" "));

export type KeyTerm = { term: string; pattern: RegExp };

/** A ticket of the library: its prompt text and the cause it was resolved to (or its own id when unresolved). */
export type TicketText = { cause: string; text: string };

/** English words of a title or alias, trimmed of punctuation and of a possessive or plural ending. */
export function tokenize(text: string): string[] {
  return text
    .split(/[\s,()"]+/)
    .map((raw) => trimPunctuation(raw).replace(/'s$/i, ""))
    .filter((word) => word.length >= 2 && !CJK_CHAR.test(word))
    .map(singular);
}

function singular(word: string): string {
  if (!/^[A-Za-z][a-z]+$/.test(word) || word.length < 4 || STOPWORDS.has(word.toLowerCase())) return word;
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

const compact = (word: string) => word.toLowerCase().replace(/[^a-z0-9]/g, "");

/** True when a title word restates a part of the cause's id ("Conntrack" for conntrack-insert-race, "Keep-alive" for keepalive-...). */
function restatesId(word: string, idParts: string[]): boolean {
  const w = compact(word);
  return idParts.some((part) => w === part || (Math.min(w.length, part.length) >= 4 && (w.startsWith(part) || part.startsWith(w))));
}

/** Title words that restate the id, and adjacent pairs of them within a phrase ("SYN queue"). */
function titleTerms(title: string, id: string): string[] {
  const idParts = id.split("-");
  return title.split(/[(),:;]/).flatMap((phrase) => {
    const words = tokenize(phrase);
    const named = words.map((word) => !STOPWORDS.has(word.toLowerCase()) && restatesId(word, idParts));
    return words.flatMap((word, i) => (named[i] ? [word, ...(named[i + 1] ? [`${word} ${words[i + 1]}`] : [])] : []));
  });
}

/**
 * Chinese candidates of a title or alias: each run of CJK characters and every part of a run of at
 * least MIN_CHINESE_TERM characters (Chinese has no spaces to split words on; parts that are not
 * distinctive are filtered out like English words).
 */
export function chineseParts(text: string): string[] {
  return [...text.matchAll(CJK_RUNS)].flatMap(([run]) => {
    const parts = [run];
    for (let length = MIN_CHINESE_TERM; length < run.length; length++) {
      for (let start = 0; start + length <= run.length; start++) parts.push(run.slice(start, start + length));
    }
    return parts.filter((part) => part.length >= 2);
  });
}

/**
 * The key terms of every cause, in English and in Chinese: its id, its title and Chinese title, the
 * title words and word pairs that restate its id, the technical tokens of its English aliases, and the
 * Chinese parts of its Chinese title and Chinese aliases, as long as they stay distinctive (see MAX_CAUSES_PER_TERM).
 * `tickets` holds the library's tickets in both languages. Pure.
 */
export function buildCauseTerms(rootCauses: RootCauseEntry[], tickets: TicketText[]): Map<RootCauseId, KeyTerm[]> {
  const nameText = new Map(rootCauses.map((c) => [c.id, [c.frontmatter.title, c.frontmatter.titleZh, ...c.frontmatter.aliases].join("\n")]));
  const causesNaming = (pattern: RegExp) => [...nameText.values()].filter((text) => occursIn(text, pattern)).length;
  const ticketCausesUsing = (pattern: RegExp) => new Set(tickets.filter((t) => occursIn(t.text, pattern)).map((t) => t.cause)).size;

  return new Map(
    rootCauses.map((cause) => {
      const { id, title, titleZh, aliases } = cause.frontmatter;
      const candidates = [
        ...titleTerms(title, id),
        ...aliases
          .filter((alias) => !CJK_CHAR.test(alias))
          .flatMap(tokenize)
          .filter(isTechnicalToken),
        ...[titleZh, ...aliases.filter((alias) => CJK_CHAR.test(alias))].flatMap(chineseParts),
      ];
      const words = dedupe(candidates.map((c) => c.toLowerCase()))
        .map((term) => ({ term, pattern: termPattern(term) }))
        .filter(({ pattern }) => causesNaming(pattern) <= MAX_CAUSES_PER_TERM && ticketCausesUsing(pattern) <= MAX_CAUSES_PER_TERM);
      const titles = [title, titleZh].map((term) => ({ term, pattern: termPattern(term) }));
      return [id, [{ term: id, pattern: termPattern(id) }, ...titles, ...words]];
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

/** Whether a (global) term pattern occurs in the text; leaves the pattern reusable. */
function occursIn(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** The terms that occur in the text. */
export function findKeyTerms(text: string, terms: KeyTerm[]): string[] {
  return terms.filter(({ pattern }) => occursIn(text, pattern)).map(({ term }) => term);
}

/** Replaces every occurrence of the terms, longest first, with REDACTED. */
export function redactKeyTerms(text: string, terms: KeyTerm[]): string {
  return [...terms].sort((a, b) => b.term.length - a.term.length).reduce((out, { pattern }) => out.replace(pattern, REDACTED), text);
}

const LEADING_PUNCTUATION = new Set([".", ":", ";", "'", "/"]);
const TRAILING_PUNCTUATION = new Set([".", ":", ";", "'", "!", "?"]);

/** Strips sentence punctuation around a word (a loop: linear where a regex would backtrack). */
function trimPunctuation(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && LEADING_PUNCTUATION.has(word[start])) start++;
  while (end > start && TRAILING_PUNCTUATION.has(word[end - 1])) end--;
  return word.slice(start, end);
}

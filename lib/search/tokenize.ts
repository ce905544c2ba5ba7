/**
 * Text analysis shared by indexing, querying and highlighting. Every function here runs in time
 * linear in its input, so pasted logs of any size are safe.
 */
import { CJK_RANGE } from "../i18n/cjk";

const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "me my no not of on or our so than that the their them then there these they this those to too us was we were " +
    "what when where which while who why will with would you your"
  ).split(" "),
);

const MAX_TOKEN_LENGTH = 64;

// A Han run, or a word run: letters and digits, with joiners (_ . : / -) only between them, as in
// tcp_tw_recycle, net.core.somaxconn, 10.0.0.1:80, etc/hosts, keep-alive. Word characters and joiners
// are disjoint classes, so matching never backtracks more than one joiner run: linear time.
// Han: the CJK range plus the compatibility ideographs (U+F900-U+FAFF).
const HAN = `${CJK_RANGE}\\uf900-\\ufaff`;
/** One Han character, as the tokenizer reads it. */
export const HAN_CHAR = new RegExp(`[${HAN}]`);
const WORD_CHAR = `(?:[^\\P{L}${HAN}]|\\p{N})`;
const RUN = new RegExp(`([${HAN}]+)|${WORD_CHAR}+(?:[_.:/-]+${WORD_CHAR}+)*`, "gu");

/** Full-width forms to ASCII and compatibility characters folded (NFKC); plain ASCII is returned as is. */
export function normalizeText(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize("NFKC") : text;
}

/** A run of text: a Han run or a word run (see RUN), with its offsets in the scanned text. */
export type Run = { text: string; start: number; end: number; han: boolean };

/** Splits text into Han runs and word runs. */
export function scanRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const match of text.matchAll(RUN)) {
    const start = match.index ?? 0;
    runs.push({ text: match[0], start, end: start + match[0].length, han: match[1] !== undefined });
  }
  return runs;
}

const isUpper = (code: number) => code >= 65 && code <= 90;
const isLower = (code: number) => code >= 97 && code <= 122;
const isDigit = (code: number) => code >= 48 && code <= 57;

/** Splits camelCase and PascalCase: TcpExtListenOverflows -> Tcp Ext Listen Overflows, TCPBacklog -> TCP Backlog, ipv4 -> ipv 4. */
function splitCamel(word: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 1; i < word.length; i++) {
    const prev = word.charCodeAt(i - 1);
    const code = word.charCodeAt(i);
    const lowerToUpper = isLower(prev) && isUpper(code);
    // TCPBacklog splits before B; a plural acronym such as SYNs stays whole
    const acronymEnd = isUpper(prev) && isUpper(code) && isLower(word.charCodeAt(i + 1)) && isLower(word.charCodeAt(i + 2));
    const letterDigit = isDigit(prev) !== isDigit(code) && (isDigit(prev) ? isUpper(code) || isLower(code) : isUpper(prev) || isLower(prev));
    if (lowerToUpper || acronymEnd || letterDigit) {
      parts.push(word.slice(from, i));
      from = i;
    }
  }
  parts.push(word.slice(from));
  return parts;
}

const hasLetter = (s: string) => /\p{L}/u.test(s);
const keepTerm = (term: string) => term.length >= 2 && !STOP_WORDS.has(term);

// One plain word (word, Word, WORD or a number): nothing to split.
const PLAIN_WORD = /^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+|\d+)$/;

/**
 * The terms of one word run, lowercased: the whole token, then the pieces a person might type alone
 * (segments between `/` and `:`, parts between `.`, `_` and `-`, camelCase parts, and hyphenated words
 * glued together: keep-alive -> keepalive). Pieces without a letter (the 0 of 10.0.0.1) are dropped.
 */
function termsOfWordRun(run: string): string[] {
  const whole = run.toLowerCase();
  if (PLAIN_WORD.test(run)) return keepTerm(whole) && whole.length <= MAX_TOKEN_LENGTH ? [whole] : [];
  const terms = new Set<string>();
  if (whole.length <= MAX_TOKEN_LENGTH) terms.add(whole);
  for (const segment of run.split(/[/:]/)) {
    if (!segment) continue;
    const lowerSegment = segment.toLowerCase();
    if (lowerSegment.length <= MAX_TOKEN_LENGTH) terms.add(lowerSegment);
    const parts = segment.split(/[._-]/).filter(Boolean);
    if (parts.length > 1 && segment.includes("-") && !segment.includes(".") && parts.length <= 3) terms.add(parts.join("").toLowerCase());
    for (const part of parts) {
      if (!hasLetter(part)) continue;
      terms.add(part.toLowerCase());
      const camel = splitCamel(part);
      if (camel.length > 1) for (const piece of camel) if (hasLetter(piece)) terms.add(piece.toLowerCase());
    }
  }
  return [...terms].filter(keepTerm);
}

/** Han text as overlapping bigrams (a single character stays a unigram): 连接超时 -> 连接 接超 超时. */
function termsOfHanRun(run: string): string[] {
  if (run.length === 1) return [run];
  const terms: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
  return terms;
}

/** Surface terms of one run, lowercased (Han runs as bigrams). */
export function termsOfRun(run: Run): string[] {
  return run.han ? termsOfHanRun(run.text) : termsOfWordRun(run.text);
}

/** Surface terms of a text, in order, with duplicates: what fuse.js sees. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const run of scanRuns(normalizeText(text))) terms.push(...termsOfRun(run));
  return terms;
}

/**
 * A light English stemmer for plain words (letters only, 4+ characters), so that connections,
 * connection, refused and refusing meet: plurals, -ed, -ing, a doubled final consonant and a final e.
 * Technical tokens (with digits or joiners) are never stemmed.
 */
export function stem(term: string): string {
  if (term.length < 4 || !/^[a-z]+$/.test(term)) return term;
  let word = term;
  if (word.endsWith("ies") && word.length > 4) word = `${word.slice(0, -3)}y`;
  else if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
  if (word.endsWith("ing") && word.length >= 6) word = word.slice(0, -3);
  else if (word.endsWith("ed") && word.length >= 5) word = word.slice(0, -2);
  if (word.length >= 4 && word[word.length - 1] === word[word.length - 2] && !/[lsz]/.test(word[word.length - 1])) word = word.slice(0, -1);
  if (word.endsWith("e") && word.length >= 5) word = word.slice(0, -1);
  return word;
}

/** Index terms of a text: surface terms, stemmed. */
export function indexTerms(text: string): string[] {
  return tokenize(text).map(stem);
}

/** The index terms of a text one by one, as `indexTerms` lists them: a reader that stops early tokenises no further. */
export function* eachIndexTerm(text: string): Generator<string> {
  for (const match of normalizeText(text).matchAll(RUN)) {
    const start = match.index ?? 0;
    const run = { text: match[0], start, end: start + match[0].length, han: match[1] !== undefined };
    for (const term of termsOfRun(run)) yield stem(term);
  }
}

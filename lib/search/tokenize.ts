/**
 * Text analysis shared by indexing, querying and highlighting. Every function here is a single pass
 * over its input (no backtracking regular expressions), so pasted logs of any size stay linear.
 */

/** A token with where it sits in the source text (UTF-16 offsets, end exclusive). */
export type Token = { text: string; start: number; end: number };

// Characters that join the parts of a technical token: tcp_tw_recycle, net.core.somaxconn, 10.0.0.1:80, /etc/hosts, keep-alive.
const JOINERS = new Set(["_", ".", ":", "/", "-"]);

const STOP_WORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "me my no not of on or our so than that the their them then there these they this those to too us was we were " +
    "what when where which while who why will with would you your"
  ).split(" "),
);

const MAX_TOKEN_LENGTH = 64;

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

function isWordChar(char: string, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return !isHan(code) && /\p{L}|\p{N}/u.test(char);
}

/** Full-width forms to ASCII and compatibility characters folded (NFKC); lengths of CJK text are kept. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC");
}

/**
 * Splits text into raw runs: Han runs, and word runs that may contain joiners (trimmed at both ends).
 * Offsets refer to `text`.
 */
export function scanRuns(text: string): { text: string; start: number; end: number; han: boolean }[] {
  const runs: { text: string; start: number; end: number; han: boolean }[] = [];
  let start = -1;
  let han = false;
  const close = (end: number) => {
    let stop = end;
    while (stop > start && JOINERS.has(text[stop - 1])) stop--;
    if (stop > start) runs.push({ text: text.slice(start, stop), start, end: stop, han });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const code = text.charCodeAt(i);
    if (isHan(code)) {
      if (start !== -1 && !han) close(i);
      if (start === -1) {
        start = i;
        han = true;
      }
    } else if (isWordChar(char, code)) {
      if (start !== -1 && han) close(i);
      if (start === -1) {
        start = i;
        han = false;
      }
    } else if (JOINERS.has(char) && start !== -1 && !han) {
      // a joiner continues a word run only when a word character follows it
      const next = text.charCodeAt(i + 1);
      if (!(i + 1 < text.length && !isHan(next) && (isWordChar(text[i + 1], next) || JOINERS.has(text[i + 1])))) close(i);
    } else if (start !== -1) {
      close(i);
    }
  }
  if (start !== -1) close(text.length);
  return runs;
}

/** Splits camelCase and PascalCase: TcpExtListenOverflows -> Tcp Ext Listen Overflows, TCPBacklog -> TCP Backlog, ipv4 -> ipv 4. */
function splitCamel(word: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 1; i < word.length; i++) {
    const prev = word[i - 1];
    const char = word[i];
    const following = word.slice(i + 1, i + 3);
    const lowerToUpper = /[a-z]/.test(prev) && /[A-Z]/.test(char);
    // TCPBacklog splits before B; a plural acronym such as SYNs stays whole
    const acronymEnd = /[A-Z]/.test(prev) && /[A-Z]/.test(char) && /^[a-z]{2}$/.test(following);
    const letterDigit = /[a-zA-Z]/.test(prev) !== /[a-zA-Z]/.test(char);
    if (lowerToUpper || acronymEnd || letterDigit) {
      parts.push(word.slice(from, i));
      from = i;
    }
  }
  parts.push(word.slice(from));
  return parts;
}

const hasLetter = (s: string) => /\p{L}/u.test(s);

/**
 * The terms of one word run, lowercased: the whole token, then the pieces a person might type alone
 * (segments between `/` and `:`, parts between `.`, `_` and `-`, camelCase parts, and hyphenated words
 * glued together: keep-alive -> keepalive). Pieces without a letter (the 0 of 10.0.0.1) are dropped.
 */
function termsOfWordRun(run: string): string[] {
  const whole = run.toLowerCase();
  const terms = new Set<string>();
  if (whole.length <= MAX_TOKEN_LENGTH) terms.add(whole);
  for (const segment of run.split(/[/:]/)) {
    if (!segment) continue;
    const lowerSegment = segment.toLowerCase();
    if (lowerSegment.length >= 2 && lowerSegment.length <= MAX_TOKEN_LENGTH) terms.add(lowerSegment);
    const parts = segment.split(/[._-]/).filter(Boolean);
    if (parts.length > 1 && segment.includes("-") && !segment.includes(".") && parts.length <= 3) terms.add(parts.join("").toLowerCase());
    for (const part of parts) {
      if (!hasLetter(part)) continue;
      terms.add(part.toLowerCase());
      const camel = splitCamel(part);
      if (camel.length > 1) for (const piece of camel) if (hasLetter(piece)) terms.add(piece.toLowerCase());
    }
  }
  for (const term of [...terms]) if (term.length < 2 || STOP_WORDS.has(term)) terms.delete(term);
  return [...terms];
}

/** Han text as overlapping bigrams (a single character stays a unigram): 连接超时 -> 连接 接超 超时. */
function termsOfHanRun(run: string): string[] {
  if (run.length === 1) return [run];
  const terms: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2));
  return terms;
}

/** Surface terms of a text, in order, with duplicates: what fuse.js and the highlighter see. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const run of scanRuns(normalizeText(text))) terms.push(...(run.han ? termsOfHanRun(run.text) : termsOfWordRun(run.text)));
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

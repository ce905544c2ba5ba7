import type { SignalId } from "./vocabulary";

/** Where a piece of evidence came from: the ticket text or the n-th pasted output. */
export type EvidenceSource = { kind: "description" } | { kind: "output"; index: number; command?: string } | { kind: "answer"; questionId: string };

/** One observation extracted from text, with the line it came from. */
export type Signal = {
  id: SignalId;
  /** Parser or extractor that produced it (a parser id, "text", or "answer"). */
  parser: string;
  /** The exact line (trimmed, at most 300 chars) the signal was read from. */
  line: string;
  /** 1-based line number within its source text; 0 for answers. */
  lineNumber: number;
  source: EvidenceSource;
  /** A measured value when there is one (a counter delta, a count, a setting). */
  value?: number;
  /** Short human explanation, e.g. "ListenOverflows rose by 1204 between snapshots". */
  detail?: string;
  /**
   * A cumulative counter read once (its total since boot) rather than seen rising: weak evidence,
   * weighed at a fraction of a rise.
   */
  sinceBoot?: true;
};

/** What lines a parser can read (see OutputParser.reads). */
export type LineTest = {
  /** Words in lower case, matched in any ASCII case anywhere in a line. */
  words?: readonly string[];
  /** A test for what words cannot say (an anchored pattern, a shape); keep it cheap: it sees every line. */
  also?: (line: string) => boolean;
};

/** Reads one pasted output (or the ticket text) a line at a time. */
export type LineReader = {
  read(line: string, lineNumber: number): void;
  /** What a line the parser's `reads` test refused does to the reader (ends a table, say); nothing when absent. */
  skip?(line: string, lineNumber: number): void;
  /** The signals, once every line was read. */
  finish(): Signal[];
};

/** A parser reads one pasted output (or the ticket text) and returns what it recognises. */
export type OutputParser = {
  id: string;
  /** Human name, e.g. "netstat -s / nstat counters". */
  title: string;
  /** The signals this parser can emit (used to weigh what running its command could reveal). */
  produces: readonly SignalId[];
  /**
   * The lines the parser can read: those holding one of its words, or passing its other cheap test.
   * Any other line is one `read` would do no more with than `skip` does; extraction hands each line
   * only to the parsers that can read it.
   */
  reads: LineTest;
  /** A reader for one text; pure, and linear in the input length. */
  reader(source: EvidenceSource): LineReader;
  /** Reads a whole text; returns [] for text it does not recognise. */
  parse(text: string, source: EvidenceSource): Signal[];
};

const MAX_LINE = 300;

/** Builds a signal, clipping the quoted line. */
export function makeSignal(
  id: SignalId,
  parser: string,
  line: string,
  lineNumber: number,
  source: EvidenceSource,
  extra: { value?: number; detail?: string; sinceBoot?: true } = {},
): Signal {
  const trimmed = line.trim();
  return {
    id,
    parser,
    line: trimmed.length > MAX_LINE ? `${trimmed.slice(0, MAX_LINE)}…` : trimmed,
    lineNumber,
    source,
    ...extra,
  };
}

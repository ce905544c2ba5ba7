import { deriveSignals } from "./derive";
import { readLines } from "./line-parser";
import { splitLines } from "./lines";
import { PARSERS } from "./parsers";
import type { EvidenceSource, Signal } from "./signal";
import { findStaleUpstream } from "./stale-upstream";
import { extractTextSignals } from "./text";

export type EvidenceInput = {
  description: string;
  outputs?: { command?: string; text: string }[];
};

/** Longest line a parser sees; longer lines are cut so every regex runs on bounded input. */
export const MAX_PARSED_LINE = 4096;

/**
 * Extracts every signal from the ticket text and the pasted outputs. Outputs are recognised by
 * their shape, whether or not the command is named; signals that two observations imply together are
 * derived here too, so triage, training and search read the same evidence. Pure; linear in the input size.
 */
export function extractEvidence({ description, outputs = [] }: EvidenceInput): Signal[] {
  const signals: Signal[] = [];
  const descriptionSource: EvidenceSource = { kind: "description" };
  signals.push(...extractTextSignals(description, descriptionSource));
  const pasted = [
    { text: description, source: descriptionSource },
    ...outputs.map((output, index): { text: string; source: EvidenceSource } => ({
      text: output.text,
      source: { kind: "output", index, command: output.command },
    })),
  ];
  const texts = pasted.map(({ text, source }) => ({ ...compactBlankRuns(boundLines(text)), source }));
  for (const { text, source, lineOf } of texts) signals.push(...withOriginalLines(readLines(PARSERS, splitLines(text), source), lineOf));
  for (const signal of findStaleUpstream(texts)) {
    const { lineOf } = texts.find((t) => t.source === signal.source) ?? {};
    signals.push(...withOriginalLines([signal], lineOf));
  }
  const distinct = dedupeSignals(signals);
  return [...distinct, ...deriveSignals(distinct)];
}

/** Cuts over-long lines (binary blobs, minified logs) so parsers stay linear. */
export function boundLines(text: string): string {
  if (!text.includes("\r") && !hasLineLongerThan(text, MAX_PARSED_LINE)) return text;
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => (line.length > MAX_PARSED_LINE ? line.slice(0, MAX_PARSED_LINE) : line))
    .join("\n");
}

/** Whether some window of limit + 1 characters holds no newline: each step jumps past the last newline of its window. */
function hasLineLongerThan(text: string, limit: number): boolean {
  for (let start = 0; start + limit < text.length;) {
    const newline = text.lastIndexOf("\n", start + limit);
    if (newline < start) return true;
    start = newline + 1;
  }
  return false;
}

/**
 * A text whose runs of empty lines are each cut to one, and the original line number of each line
 * kept (undefined when nothing was cut). Every parser reads an empty line as a separator or skips
 * it, so one stands for many; a paste of millions of newlines is then read once, not once per parser.
 */
export function compactBlankRuns(text: string): { text: string; lineOf?: number[] } {
  if (!text.includes("\n\n\n")) return { text };
  const kept: string[] = [];
  const lineOf: number[] = [];
  for (let start = 0, lineNumber = 1; ; start += 1, lineNumber += 1) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line !== "" || kept.length === 0 || kept[kept.length - 1] !== "") {
      kept.push(line);
      lineOf.push(lineNumber);
    }
    if (end < 0) break;
    start = end;
    // The empty lines that follow an empty one are passed over in one go.
    if (line === "") {
      while (text.charCodeAt(start + 1) === 10) {
        start += 1;
        lineNumber += 1;
      }
    }
  }
  return { text: kept.join("\n"), lineOf };
}

/** Signals read from a compacted text, with the line numbers of the text as pasted. */
function withOriginalLines(signals: Signal[], lineOf: number[] | undefined): Signal[] {
  if (!lineOf) return signals;
  return signals.map((signal) => ({ ...signal, lineNumber: lineOf[signal.lineNumber - 1] ?? signal.lineNumber }));
}

/** Keeps one signal per (id, source, line): several parsers may read the same line. */
function dedupeSignals(signals: Signal[]): Signal[] {
  const seen = new Set<string>();
  return signals.filter((signal) => {
    const key = `${signal.id}|${JSON.stringify(signal.source)}|${signal.lineNumber}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

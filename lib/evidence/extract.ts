import { deriveSignals } from "./derive";
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
  const texts = [
    { text: boundLines(description), source: descriptionSource },
    ...outputs.map((output, index): { text: string; source: EvidenceSource } => ({ text: boundLines(output.text), source: { kind: "output", index, command: output.command } })),
  ];
  for (const { text, source } of texts) signals.push(...PARSERS.flatMap((parser) => parser.parse(text, source)));
  signals.push(...findStaleUpstream(texts));
  const distinct = dedupeSignals(signals);
  return [...distinct, ...deriveSignals(distinct)];
}

/** Cuts over-long lines (binary blobs, minified logs) so parsers stay linear. */
export function boundLines(text: string): string {
  if (!text.includes("\r") && text.length <= MAX_PARSED_LINE) return text;
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => (line.length > MAX_PARSED_LINE ? line.slice(0, MAX_PARSED_LINE) : line))
    .join("\n");
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

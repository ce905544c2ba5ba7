import { firstAffirmed, type Match } from "./prose";
import { type EvidenceSource, makeSignal, type Signal } from "./signal";
import { TEXT_RULES, type SignalId, type TextDetection } from "./signals";

const PARSER_ID = "text";

/** Same bound as the output parsers: longer lines are cut so every regex runs on bounded input. */
const MAX_LINE = 4096;
/**
 * Prose is read from the first 200,000 characters (some fifty pages): a ticket's own words come
 * first, and anything longer is pasted output, which the output parsers read in full.
 */
const MAX_TEXT = 200_000;


/** Sentences end at Chinese or Latin end punctuation ("." only before a space, so IPs stay whole). */
const SENTENCE_END = /[。！？；!?;]|\.(?=\s)/;

function matchRule(rule: TextDetection, sentence: string): Match | undefined {
  if (rule.find) return rule.find(sentence);
  return (rule.en && firstAffirmed(sentence, rule.en)) || (rule.zh && firstAffirmed(sentence, rule.zh)) || undefined;
}

/** Text signals from a ticket description, one per id, each quoting the sentence it came from. */
export function extractTextSignals(text: string, source: EvidenceSource): Signal[] {
  const found = new Map<SignalId, Signal>();
  const prose = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  prose.split(/\r\n?|\n/).forEach((rawLine, index) => {
    if (found.size === TEXT_RULES.length) return;
    const line = rawLine.length > MAX_LINE ? rawLine.slice(0, MAX_LINE) : rawLine;
    for (const sentence of line.split(SENTENCE_END)) {
      if (sentence.trim() === "") continue;
      for (const rule of TEXT_RULES) {
        if (found.has(rule.id)) continue;
        const match = matchRule(rule, sentence);
        if (match) found.set(rule.id, makeSignal(rule.id, PARSER_ID, sentence, index + 1, source, { detail: `the ticket says "${match.text.trim()}"` }));
      }
    }
  });
  return [...found.values()];
}

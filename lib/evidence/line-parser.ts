import { splitLines } from "./lines";
import type { EvidenceSource, OutputParser, Signal } from "./signal";
import { WordScanner } from "./word-scanner";

type LineParser = Pick<OutputParser, "reads" | "reader">;

/** One scanner for the words of each list of parsers (the list of all parsers, and each parser alone). */
const scanners = new WeakMap<readonly LineParser[], WordScanner>();

function scannerOf(parsers: readonly LineParser[]): WordScanner {
  let scanner = scanners.get(parsers);
  if (!scanner) {
    scanner = new WordScanner(parsers.map((parser) => parser.reads.words ?? []));
    scanners.set(parsers, scanner);
  }
  return scanner;
}

/**
 * Reads the lines of one text with every parser. Routed, each line is scanned once for every
 * parser's words, and a line reaches a parser's `read` only when it holds one of them or passes the
 * parser's other test (its `skip` otherwise); unrouted, every line is read (the slow path, kept to
 * check that routing loses nothing). Each parser then reads all lines in turn (one tight loop per
 * parser is faster than handing each line to twenty readers); signals come in the parsers' order.
 */
export function readLines(parsers: readonly LineParser[], lines: readonly string[], source: EvidenceSource, routed = true): Signal[] {
  const scanner = routed ? scannerOf(parsers) : undefined;
  const found = scanner ? Int32Array.from(lines, (line) => scanner.scan(line)) : undefined;
  return parsers.flatMap(({ reads: { also }, reader: readerOf }, at) => {
    const bit = 1 << at;
    const reader = readerOf(source);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      if (!found || (found[index] & bit) !== 0 || (also !== undefined && also(line))) reader.read(line, index + 1);
      else reader.skip?.(line, index + 1);
    }
    return reader.finish();
  });
}

/** An output parser from its line test and its reader; `parse` reads a whole text with them. */
export function defineParser(parser: Omit<OutputParser, "parse">): OutputParser {
  const alone = [parser];
  return { ...parser, parse: (text, source) => readLines(alone, splitLines(text), source) };
}

/** A line that is not blank (what trimming leaves non-empty), tested without making a new string. */
export const NOT_BLANK = /\S/;

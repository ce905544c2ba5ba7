import { splitLines } from "./lines";
import type { EvidenceSource, OutputParser, Signal } from "./signal";

/**
 * Reads the lines of one text with every parser. Routed, a line reaches a parser's `read` only when
 * its `reads` test accepts the line, and its `skip` otherwise; unrouted, every line is read (the slow
 * path, kept to check that routing loses nothing). Each parser reads all lines in turn (one tight
 * loop per parser is faster than handing each line to twenty readers); signals come in the parsers' order.
 */
export function readLines(
  parsers: readonly Pick<OutputParser, "reads" | "reader">[],
  lines: readonly string[],
  source: EvidenceSource,
  routed = true,
): Signal[] {
  return parsers.flatMap(({ reads, reader: readerOf }) => {
    const reader = readerOf(source);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      if (!routed || reads(line)) reader.read(line, index + 1);
      else reader.skip?.(line, index + 1);
    }
    return reader.finish();
  });
}

/** An output parser from its line test and its reader; `parse` reads a whole text with them. */
export function defineParser(parser: Omit<OutputParser, "parse">): OutputParser {
  return { ...parser, parse: (text, source) => readLines([parser], splitLines(text), source) };
}

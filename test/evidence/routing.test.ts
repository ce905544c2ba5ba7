import fs from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { boundLines, compactBlankRuns } from "@/lib/evidence/extract";
import { readLines } from "@/lib/evidence/line-parser";
import { PARSERS } from "@/lib/evidence/parsers";
import type { EvidenceSource, OutputParser } from "@/lib/evidence/signal";
import { loadTicketSets } from "@/lib/triage/tickets";

const ROOT = path.join(import.meta.dirname, "../..");

type Text = { name: string; lines: string[]; source: EvidenceSource };

const linesOf = (text: string) => compactBlankRuns(boundLines(text)).text.split("\n");

/** Every description and output of the confirmed and held-out tickets, and every code block of the case pages. */
function sampleCorpus(): Text[] {
  const tickets = ["content/tickets", "test/triage/tickets"].flatMap((dir) => loadTicketSets(path.join(ROOT, dir)));
  const fromTickets = tickets.flatMap((ticket): Text[] => [
    { name: `${ticket.id} description`, lines: linesOf(ticket.description), source: { kind: "description" } },
    ...ticket.outputs.map((output, index) => ({
      name: `${ticket.id} output ${index}`,
      lines: linesOf(output.text),
      source: { kind: "output" as const, index, command: output.command },
    })),
  ]);
  const fromCases = ["content/cases", "content/zh/cases"].flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((name) => name.endsWith(".mdx"))
      .flatMap((name) =>
        [...fs.readFileSync(path.join(ROOT, dir, name), "utf8").matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((block, index) => ({
          name: `${dir}/${name} block ${index}`,
          lines: linesOf(block[1]),
          source: { kind: "output" as const, index },
        })),
      ),
  );
  return [...fromTickets, ...fromCases];
}

const CORPUS = sampleCorpus();
const CORPUS_LINES = CORPUS.flatMap((text) => text.lines);

const read = (parser: OutputParser, text: Text, routed: boolean) => readLines([parser], text.lines, text.source, routed);

describe.each(PARSERS.map((parser) => [parser.id, parser] as const))("routing lines to %s", (_id, parser) => {
  it("finds what reading every line finds, on every text of the sample corpus", () => {
    const found = CORPUS.filter((text) => read(parser, text, false).length > 0);
    // The comparison means something only if the parser has signals to lose.
    expect(found.length).toBeGreaterThan(0);
    for (const text of CORPUS) expect(read(parser, text, true), text.name).toEqual(read(parser, text, false));
  });

  it("would lose signals if its line test refused every line", () => {
    const refusing = { ...parser, reads: {} };
    const lost = CORPUS.filter((text) => read(parser, text, false).length > read(refusing, text, true).length);
    expect(lost.length).toBeGreaterThan(0);
  });

  it("finds what reading every line finds, on corpus lines in any order and with any indentation", () => {
    const line = fc.tuple(fc.constantFrom(...CORPUS_LINES), fc.constantFrom("", " ", "\t", "    ")).map(([text, indent]) => indent + text);
    const text = fc.array(fc.oneof(line, fc.constant("")), { maxLength: 40 });
    const command = fc.option(fc.constantFrom("nstat", "nstat -az", "ulimit -n", "ethtool -S eth0", "conntrack -C", "ss -tan state time-wait"), {
      nil: undefined,
    });
    fc.assert(
      fc.property(text, command, (lines, command) => {
        const sample: Text = { name: "sample", lines, source: { kind: "output", index: 0, command } };
        expect(read(parser, sample, true)).toEqual(read(parser, sample, false));
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

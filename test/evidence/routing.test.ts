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

/** The distinct corpus lines that routing does not hand to the parser's `read`. */
function linesPassedOver(parser: OutputParser): string[] {
  const lines = [...new Set(CORPUS_LINES)];
  const read = new Set<number>();
  const probe = { ...parser, reader: () => ({ read: (_line: string, lineNumber: number) => void read.add(lineNumber), finish: () => [] }) };
  readLines([probe], lines, { kind: "description" });
  return lines.filter((_line, index) => !read.has(index + 1));
}

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

  it("finds what reading every line finds when other lines come between, and lines repeat or move right", () => {
    // Passing over a line must do what reading it would: other lines between the lines of a table or
    // an nslookup block, long runs of a row (to cross a count threshold), indented rows.
    const found = CORPUS.filter((text) => read(parser, text, false).length > 0);
    const passedOver = linesPassedOver(parser).slice(0, 500);
    const perturbed = fc
      .tuple(fc.constantFrom(...found), fc.constantFrom(...found), fc.array(fc.nat(9), { minLength: 1, maxLength: 50 }), fc.constantFrom(...passedOver))
      .map(([text, another, actions, other]) => ({
        ...text,
        lines: text.lines.slice(0, 400).flatMap((line, index) => {
          const action = actions[index % actions.length];
          if (action === 0) return [other, line];
          if (action === 1) return Array<string>(40).fill(line);
          if (action === 2) return [`  ${line}`];
          // A line of another text: a section, table or block of one tool cut by another's.
          if (action === 3) return [another.lines[index % another.lines.length], line];
          return [line];
        }),
      }));
    fc.assert(
      fc.property(perturbed, (text) => {
        expect(read(parser, text, true)).toEqual(read(parser, text, false));
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});

/**
 * A line a parser passes over that still changes what it reads next, in a text where that matters:
 * without the line the parser finds something else. Routed, it must find what reading every line finds.
 */
const PASSED_OVER_LINES_THAT_MATTER: { parser: string; text: string[]; passedOver: number }[] = [
  // An unindented line ends a netstat -s section: the TcpExt sentence after it counts.
  {
    parser: "netstat-s",
    text: ["Udp:", "    7 packet receive errors", "some other line", "    1204 times the listen queue of a socket overflowed"],
    passedOver: 2,
  },
  // A line that is not a row ends a table of counters: the row after it is no second reading.
  { parser: "netstat-s", text: ["time ListenOverflows ListenDrops", "10:00 5 6", "something else", "10:01 7 8"], passedOver: 2 },
  // The values under an `ip -s link` header are read however they look.
  {
    parser: "nic-stats",
    text: [
      "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP",
      "    RX: bytes  packets  errors  dropped missed  mcast",
      "    123456     1000     0       57      0       0",
    ],
    passedOver: 2,
  },
  // Another line ends a /proc/net/stat/nf_conntrack table: the hex row after it is not read.
  {
    parser: "conntrack-stats",
    text: [
      "entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop",
      "00000010 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000",
      "something else",
      "00000010 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000005 00000000 00000000",
    ],
    passedOver: 2,
  },
  // Another line ends a `strace -c` summary: the futex row after it is not read.
  {
    parser: "strace-perf",
    text: ["% time     seconds  usecs/call     calls    errors syscall", "something else", " 95.00    1.000000        1000      1000       100 futex"],
    passedOver: 1,
  },
];

describe.each(PASSED_OVER_LINES_THAT_MATTER)("a line $parser passes over, which changes what it reads next", ({ parser: id, text, passedOver }) => {
  const parser = PARSERS.find((each) => each.id === id)!;
  const sample: Text = { name: id, lines: text, source: { kind: "output", index: 0 } };

  it("is passed over, and matters", () => {
    const without: Text = { ...sample, lines: text.filter((_line, index) => index !== passedOver) };
    expect(read(parser, sample, false)).not.toEqual(read(parser, without, false));
    let reached = false;
    readLines(
      [{ ...parser, reader: () => ({ read: (_line, lineNumber) => void (reached ||= lineNumber === passedOver + 1), finish: () => [] }) }],
      text,
      sample.source,
    );
    expect(reached).toBe(false);
  });

  it("changes the reading the same way when routed", () => {
    expect(read(parser, sample, true)).toEqual(read(parser, sample, false));
  });
});

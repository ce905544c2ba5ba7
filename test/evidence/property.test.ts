import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { boundLines, extractEvidence } from "@/lib/evidence/extract";
import { PARSERS } from "@/lib/evidence/parsers";
import type { Signal } from "@/lib/evidence/signal";
import { extractTextSignals } from "@/lib/evidence/text";

const TOKENS = [
  "SYNs to LISTEN sockets dropped",
  "insert_failed=",
  "Flags [S]",
  "Flags [R.]",
  "CLOSE_WAIT",
  "TIME_WAIT",
  "nf_conntrack: table full",
  "net.ipv4.tcp_tw_recycle = 1",
  "HTTP/1.1 502",
  "Connection refused",
  "超时",
  "连接被重置",
  "mtu 1350",
  "wscale",
  "|--",
  "???",
  "%",
  "::",
  "\t",
  "  ",
  "(",
  ")",
  "[",
  "]",
  "\\",
  "\u0000",
  "\uffff",
  "🙂",
  "0.0.0.0:*",
  "10.0.0.1.443",
  "999999999999999999999",
];

/** Hostile text: random unicode, raw bytes, tool fragments repeated and glued, very long lines. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 2000 }),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((parts) => parts.join("")),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }).map((parts) => parts.join("\n")),
  fc.tuple(fc.constantFrom(...TOKENS), fc.integer({ min: 1, max: 3000 })).map(([token, times]) => token.repeat(times)),
);

/** Every signal quotes a line of the input (possibly clipped) and points inside it. */
function assertWellFormed(signals: Signal[], text: string) {
  const lineCount = text.split(/\r\n?|\n/).length;
  for (const signal of signals) {
    expect(signal.lineNumber).toBeGreaterThanOrEqual(0);
    expect(signal.lineNumber).toBeLessThanOrEqual(lineCount);
    expect(signal.line.length).toBeLessThanOrEqual(301);
  }
}

describe("evidence parsers on hostile input", () => {
  for (const parser of PARSERS) {
    it(`${parser.id} never throws and returns well-formed signals`, () => {
      fc.assert(
        fc.property(hostileText, (text) => {
          const signals = parser.parse(boundLines(text), { kind: "output", index: 0 });
          assertWellFormed(signals, text);
          for (const signal of signals) expect(parser.produces).toContain(signal.id);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("the free-text extractor never throws", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        assertWellFormed(extractTextSignals(text, { kind: "description" }), text);
      }),
      { numRuns: 300 },
    );
  });

  it("extractEvidence never throws on any mix of description and outputs", () => {
    fc.assert(
      fc.property(hostileText, fc.array(hostileText, { maxLength: 3 }), (description, outputs) => {
        const signals = extractEvidence({ description, outputs: outputs.map((text) => ({ text })) });
        expect(Array.isArray(signals)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { WordScanner } from "@/lib/evidence/word-scanner";

const LISTS = [
  ["listen", "syn flooding"],
  ["connection refused", "refused"],
  ["连接超时", "nr_"],
  ["tcp:", "sten q"],
];

/** What the scanner must find: list i's bit when the line, ASCII letters lower-cased, holds one of its words. */
function expected(line: string): number {
  const folded = line.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  return LISTS.reduce((bits, words, list) => (words.some((word) => folded.includes(word)) ? bits | (1 << list) : bits), 0);
}

describe("WordScanner", () => {
  const scanner = new WordScanner(LISTS);

  it("finds words in any ASCII case, words inside words, and Chinese words", () => {
    expect(scanner.scan("3631812 SYNs to LISTEN sockets dropped")).toBe(0b0001);
    expect(scanner.scan("curl: (7) Failed to connect: Connection Refused")).toBe(0b0010);
    expect(scanner.scan("中文日志：连接超时，请检查网络")).toBe(0b0100);
    expect(scanner.scan("LISTEN queue: refused")).toBe(0b1011);
    expect(scanner.scan("nothing telling here")).toBe(0);
  });

  it("finds a word that starts inside another one it overlaps (the automaton's failure links)", () => {
    // "listen q" fails after "listen" at the space+q, and must still find "sten q" (list 3).
    expect(scanner.scan("xlisten queue")).toBe(0b1001);
    expect(scanner.scan("nr_nr_periods 100")).toBe(0b0100);
    expect(scanner.scan("连连接超时")).toBe(0b0100);
  });

  it("agrees with a plain search on any text", () => {
    const alphabet = fc.constantFrom(..."listenLISTENrefusedREFUSED连接超时nr_tcp: qx".split(""));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const line = chars.join("");
        expect(scanner.scan(line)).toBe(expected(line));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("refuses words it could never match", () => {
    expect(() => new WordScanner([["Listen"]])).toThrow(/lower-case/);
    expect(() => new WordScanner([[""]])).toThrow(/non-empty/);
  });
});

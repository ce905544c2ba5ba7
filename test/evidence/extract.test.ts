import { describe, expect, it } from "vitest";

import { boundLines, compactBlankRuns, extractEvidence, MAX_PARSED_LINE } from "@/lib/evidence/extract";
import { PARSER_IDS } from "@/lib/evidence/parser-ids";
import { PARSERS } from "@/lib/evidence/parsers";
import { SIGNALS } from "@/lib/evidence/vocabulary";

describe("extractEvidence", () => {
  it("reads a paste padded with runs of empty lines once, quoting the lines where they were pasted", () => {
    const text = `${"\n".repeat(1000)}[12.5] nf_conntrack: table full, dropping packet\n\n\n\nTcpExt:\n    1204 times the listen queue of a socket overflowed`;
    const signals = extractEvidence({ description: "", outputs: [{ text }] });
    expect(signals.find((s) => s.id === "conntrack-table-full-log")).toMatchObject({ lineNumber: 1001 });
    expect(signals.find((s) => s.id === "listen-overflows")).toMatchObject({ lineNumber: 1006 });
    expect(compactBlankRuns("a\n\nb").lineOf).toBeUndefined();
    expect(compactBlankRuns("a\n\n\n\nb")).toEqual({ text: "a\n\nb", lineOf: [1, 2, 5] });
  });

  it("reads outputs by their shape, with or without the command named", () => {
    const text = "    3631812 SYNs to LISTEN sockets dropped\n    3631476 passive connections rejected because of time stamp";
    const named = extractEvidence({ description: "", outputs: [{ command: "netstat -s", text }] });
    const unnamed = extractEvidence({ description: "", outputs: [{ text }] });
    expect(named.map((s) => s.id)).toContain("paws-passive-rejected");
    expect(unnamed.map((s) => s.id).sort()).toEqual(named.map((s) => s.id).sort());
  });

  it("records the line and source of each signal", () => {
    const [signal] = extractEvidence({ description: "", outputs: [{ text: "x\nnet.ipv4.tcp_tw_recycle = 1" }] }).filter((s) => s.id === "tw-recycle-on");
    expect(signal).toMatchObject({ line: "net.ipv4.tcp_tw_recycle = 1", lineNumber: 2, source: { kind: "output", index: 0 } });
  });

  it("reads output pasted inside the ticket text too", () => {
    const signals = extractEvidence({ description: "Our pods log this:\n[12345.6] nf_conntrack: table full, dropping packet" });
    expect(signals.find((s) => s.id === "conntrack-table-full-log")?.source).toEqual({ kind: "description" });
  });

  it("keeps one signal per line when several parsers read the same line", () => {
    const signals = extractEvidence({ description: "", outputs: [{ text: "curl: (7) Failed to connect to 10.0.0.1 port 80: Connection refused" }] });
    const keys = signals.map((s) => `${s.id}:${s.lineNumber}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("returns nothing for empty input", () => {
    expect(extractEvidence({ description: "" })).toEqual([]);
  });
});

describe("boundLines", () => {
  it("cuts over-long lines and normalises line endings", () => {
    const bounded = boundLines(`${"a".repeat(MAX_PARSED_LINE + 50)}\r\nnext`);
    expect(bounded.split("\n").map((l) => l.length)).toEqual([MAX_PARSED_LINE, 4]);
  });
});

describe("PARSERS", () => {
  it("registers exactly the public parser ids", () => {
    expect(PARSERS.map((p) => p.id).sort()).toEqual([...PARSER_IDS].sort());
  });

  it("declares only vocabulary signals", () => {
    for (const parser of PARSERS) for (const id of parser.produces) expect(Object.hasOwn(SIGNALS, id), `${parser.id}: ${id}`).toBe(true);
  });
});

import { describe, expect, it } from "vitest";

import { ssSummaryParser } from "@/lib/evidence/parsers/ss-summary";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string) => ssSummaryParser.parse(text, source);

const SS_S = `$ ss -s
Total: 31500 (kernel 31800)
TCP:   31234 (estab 100, closed 30000, orphaned 0, synrecv 0, timewait 30000/0), ports 0

Transport Total     IP        IPv6
*	  31800     -         -
RAW	  0         0         0
UDP	  10        8         2
TCP	  1234      1000      234
INET	  1244      1008      236
FRAG	  0         0         0`;

describe("ssSummaryParser", () => {
  it("reports many TIME_WAIT sockets from ss -s", () => {
    expect(parse(SS_S)).toEqual([
      expect.objectContaining({
        id: "many-time-wait",
        value: 30000,
        lineNumber: 3,
        line: "TCP:   31234 (estab 100, closed 30000, orphaned 0, synrecv 0, timewait 30000/0), ports 0",
        parser: "ss-summary",
      }),
    ]);
  });

  it("reads the newer summary without synrecv and reports SYN_RECV when shown", () => {
    expect(parse("TCP:   14 (estab 6, closed 0, orphaned 0, timewait 0)")).toEqual([]);
    const signals = parse("TCP:   900 (estab 100, closed 10, orphaned 0, synrecv 512, timewait 10/0), ports 0");
    expect(signals.map((s) => [s.id, s.value])).toEqual([["many-syn-recv", 512]]);
  });

  it("keeps the largest count across two snapshots", () => {
    const text = "TCP:   12000 (estab 1, closed 11000, orphaned 0, timewait 11000)\nTCP:   26000 (estab 1, closed 25000, orphaned 0, timewait 25000)";
    expect(parse(text).map((s) => [s.value, s.lineNumber])).toEqual([[25000, 2]]);
  });

  it("keeps quiet below the TIME_WAIT threshold, on other tools' output and on junk", () => {
    expect(parse("TCP:   4013 (estab 1, closed 3996, orphaned 0, synrecv 0, timewait 3995/0), ports 0")).toEqual([]);
    expect(parse(";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14")).toEqual([]);
    expect(parse("root 1 0 0 Nov21 ? 00:00:03 /sbin/init")).toEqual([]);
    expect(parse("TCP: (timewait x)\nTCP:   5 (timewait)\n\u0000")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";

import { tcpStatesParser } from "@/lib/evidence/parsers/tcp-states";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string, src: EvidenceSource = source) => tcpStatesParser.parse(text, src);

function rows(count: number, row: (i: number) => string): string {
  return Array.from({ length: count }, (_, i) => row(i)).join("\n");
}

describe("tcpStatesParser", () => {
  it("counts CLOSE_WAIT rows of netstat -antp", () => {
    const text = `[root@app ~]# netstat -antp
Active Internet connections (servers and established)
Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
tcp        0      0 0.0.0.0:9000            0.0.0.0:*               LISTEN      4321/app
${rows(150, (i) => `tcp        1      0 10.0.0.5:9000           10.0.1.${i % 250}:${40000 + i}       CLOSE_WAIT  4321/app`)}
${rows(50, (i) => `tcp        0      0 10.0.0.5:9000           10.0.2.${i}:${50000 + i}       ESTABLISHED 4321/app`)}`;
    const [signal] = parse(text);
    expect(signal).toMatchObject({ id: "many-close-wait", value: 150, lineNumber: 5, parser: "tcp-states" });
    expect(signal.line).toBe("tcp        1      0 10.0.0.5:9000           10.0.1.0:40000       CLOSE_WAIT  4321/app");
    expect(signal.detail).toBe("150 of 201 TCP sockets are in CLOSE_WAIT (at least 100 and 10% of the sockets)");
  });

  it("does not call 100 CLOSE_WAIT many among 5000 busy sockets", () => {
    const text = `${rows(100, (i) => `tcp 0 0 10.0.0.5:9000 10.0.1.1:${40000 + i} CLOSE_WAIT`)}
${rows(4900, (i) => `tcp 0 0 10.0.0.5:9000 10.0.2.1:${20000 + i} ESTABLISHED`)}`;
    expect(parse(text)).toEqual([]);
  });

  it("counts ss -tan rows with ss state names", () => {
    const text = `State      Recv-Q Send-Q Local Address:Port  Peer Address:Port
${rows(120, (i) => `FIN-WAIT-2 0      0      10.0.0.5:${30000 + i}   10.9.9.9:80`)}
ESTAB      0      0      10.0.0.5:22      10.0.0.1:50000`;
    expect(parse(text)).toEqual([expect.objectContaining({ id: "many-fin-wait2", value: 120, lineNumber: 2 })]);
  });

  it("reads the awk state-count one-liner", () => {
    const text = `$ netstat -na | awk '/^tcp/ {++S[$NF]} END {for(a in S) print a, S[a]}'
LISTEN 12
TIME_WAIT 30000
CLOSE_WAIT 512
ESTABLISHED 1200
SYN_RECV 3`;
    expect(parse(text).map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["many-time-wait", 30000, 3],
      ["many-close-wait", 512, 4],
    ]);
  });

  it("reads uniq -c counts with ss state names", () => {
    const text = `$ ss -tan | awk 'NR>1 {print $1}' | sort | uniq -c | sort -rn
  20000 TIME-WAIT
    300 SYN-SENT
     40 ESTAB`;
    expect(parse(text).map((s) => [s.id, s.value])).toEqual([
      ["many-time-wait", 20000],
      ["many-syn-sent", 300],
    ]);
  });

  it("reads a counted grep when the command is named", () => {
    const text = "$ netstat -tunp | grep CLOSE_WAIT | wc -l\n1024";
    expect(parse(text)).toEqual([expect.objectContaining({ id: "many-close-wait", value: 1024, lineNumber: 2 })]);
    expect(parse("1024", { kind: "output", index: 2, command: "netstat -an | grep SYN_RECV | wc -l" })).toEqual([
      expect.objectContaining({ id: "many-syn-recv", value: 1024, lineNumber: 1 }),
    ]);
  });

  it("ignores a bare number whose command is not named or is ambiguous", () => {
    expect(parse("1024")).toEqual([]);
    expect(parse("$ netstat -ntlpa | grep 8080 | grep CLOSE | wc -l\n1024")).toEqual([]);
  });

  it("counts rows of a state-filtered ss command, which have no State column", () => {
    const text = `$ ss -tan state syn-recv
Recv-Q Send-Q Local Address:Port  Peer Address:Port
${rows(130, (i) => `0      0      10.0.0.5:8080   10.7.0.${i}:${30000 + i}`)}`;
    expect(parse(text)).toEqual([expect.objectContaining({ id: "many-syn-recv", value: 130, lineNumber: 3 })]);
  });

  it("reports the larger of two pasted snapshots", () => {
    const snapshot = (n: number) =>
      `$ ss -tan\nState Recv-Q Send-Q Local Address:Port Peer Address:Port\n${rows(n, (i) => `TIME-WAIT 0 0 10.0.0.5:${i} 10.0.0.9:80`)}`;
    const signals = parse(`${snapshot(10000)}\n${snapshot(12000)}`);
    expect(signals.map((s) => [s.id, s.value, s.lineNumber])).toEqual([["many-time-wait", 12000, 10005]]);
  });

  it("keeps quiet on other tools' output and junk", () => {
    expect(parse(";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14\n;; Query time: 12 msec")).toEqual([]);
    expect(parse("UID PID PPID C STIME TTY TIME CMD\nroot 1 0 0 Nov21 ? 00:00:03 /sbin/init")).toEqual([]);
    expect(parse("TCP:   31234 (estab 100, closed 30000, orphaned 0, timewait 30000/0)")).toEqual([]);
    expect(parse("TIME_WAIT\n\u0000CLOSE_WAIT x\ntcp 0 0")).toEqual([]);
  });
});

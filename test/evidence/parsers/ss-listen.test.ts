import { describe, expect, it } from "vitest";

import { ssListenParser } from "@/lib/evidence/parsers/ss-listen";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0, command: "ss -lnt" };
const parse = (text: string) => ssListenParser.parse(text, source);

describe("ssListenParser", () => {
  it("reports a listener whose Recv-Q has reached its backlog (the accept-queue-overflow example)", () => {
    const text = `State   Recv-Q  Send-Q  Local Address:Port  Peer Address:Port
LISTEN  129     128     0.0.0.0:8080        0.0.0.0:*`;
    expect(parse(text)).toEqual([
      expect.objectContaining({ id: "accept-queue-full", value: 129, lineNumber: 2, line: "LISTEN  129     128     0.0.0.0:8080        0.0.0.0:*" }),
      expect.objectContaining({ id: "listen-backlog-small", value: 128, lineNumber: 2 }),
    ]);
  });

  it("reads the listen queues of FreeBSD and macOS netstat -Lan", () => {
    const macos = ["Current listen queue sizes (qlen/incqlen/maxqlen)", "Listen         Local Address", "0/0/128        *.22", "129/0/128      *.8080"].join(
      "\n",
    );
    const signals = ssListenParser.parse(macos, { kind: "output", index: 0 });
    expect(signals.filter((s) => s.id === "accept-queue-full").map((s) => s.line)).toEqual(["129/0/128      *.8080"]);
    expect(ssListenParser.parse("tcp4  0/0/4096         *.443", { kind: "output", index: 0 })).toEqual([]);
  });

  it("reads ss -lntp with process columns, IPv6 and interface-scoped addresses", () => {
    const text = `[root@web ~]# ss -lntp
State      Recv-Q Send-Q Local Address:Port               Peer Address:Port
LISTEN     0      4096   127.0.0.53%lo:53                  0.0.0.0:*     users:(("systemd-resolve",pid=584,fd=14))
LISTEN     511    511       *:80                          *:*           users:(("nginx",pid=1204,fd=6))
LISTEN     0      128       [::]:22                       [::]:*        users:(("sshd",pid=900,fd=4))`;
    const signals = parse(text);
    expect(signals.map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["accept-queue-full", 511, 4],
      ["listen-backlog-small", 128, 5],
    ]);
    expect(signals[0].detail).toContain("*:80");
  });

  it("reads LISTEN rows with a Netid column and service names", () => {
    const text = `Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port
tcp   LISTEN 0      100    0.0.0.0:smtp       0.0.0.0:*
udp   UNCONN 0      0      0.0.0.0:bootpc     0.0.0.0:*`;
    expect(parse(text)).toEqual([expect.objectContaining({ id: "listen-backlog-small", value: 100, lineNumber: 2 })]);
  });

  it("reports each listener once across two snapshots", () => {
    const row = "LISTEN 129 128 0.0.0.0:8080 0.0.0.0:*";
    expect(parse(`${row}\n${row}`).map((s) => s.id)).toEqual(["accept-queue-full", "listen-backlog-small"]);
  });

  it("says nothing about a healthy listener with a large backlog", () => {
    expect(parse("LISTEN 3 4096 0.0.0.0:443 0.0.0.0:*")).toEqual([]);
  });

  it("ignores netstat listener rows, whose Send-Q is not the backlog", () => {
    const text = `Proto Recv-Q Send-Q Local Address           Foreign Address         State
tcp      129      0 0.0.0.0:8080            0.0.0.0:*               LISTEN`;
    expect(parse(text)).toEqual([]);
  });

  it("keeps quiet on other tools' output and junk", () => {
    const dig = ";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14\n;; Query time: 12 msec";
    const ps = "UID PID PPID C STIME TTY TIME CMD\nroot 1 0 0 Nov21 ? 00:00:03 /sbin/init";
    expect(parse(dig)).toEqual([]);
    expect(parse(ps)).toEqual([]);
    expect(parse("LISTEN x y z\nLISTEN 1 2\n\u0000LISTEN")).toEqual([]);
  });
});

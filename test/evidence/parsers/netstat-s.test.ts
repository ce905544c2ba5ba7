import { describe, expect, it } from "vitest";

import { netstatCountersParser } from "@/lib/evidence/parsers/netstat-s";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string, src: EvidenceSource = source) => netstatCountersParser.parse(text, src);
const ids = (text: string) =>
  parse(text)
    .map((s) => s.id)
    .sort();

const NETSTAT_S = `[root@rs ~]# netstat -s
Ip:
    Forwarding: 1
    123456789 total packets received
Tcp:
    1234 active connection openings
    567 passive connection openings
    12 failed connection attempts
    123456 segments received
    234567 segments sent out
    4567 segments retransmitted
    0 bad segments received
Udp:
    12345 packets received
    12 packets to unknown port received
    345 packet receive errors
    6789 packets sent
    340 receive buffer errors
    0 send buffer errors
UdpLite:
    0 packet receive errors
TcpExt:
    12 SYN cookies sent
    3631476 passive connections rejected because of time stamp
    1204 times the listen queue of a socket overflowed
    3631812 SYNs to LISTEN sockets dropped
    98 other TCP timeouts
    TCPTimeWaitOverflow: 7
    TCPReqQFullDrop: 4
    TCPWqueueTooBig: 2`;

const DIG = `; <<>> DiG 9.16.1 <<>> google.com
;; global options: +cmd
;; Got answer:
;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1234
;; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1

;; ANSWER SECTION:
google.com.		300	IN	A	142.250.72.14

;; Query time: 12 msec
;; SERVER: 127.0.0.53#53(127.0.0.53)`;

const PS = `UID        PID  PPID  C STIME TTY          TIME CMD
root         1     0  0 Nov21 ?        00:00:03 /sbin/init
root      1204     1  0 Nov21 ?        00:00:00 /usr/sbin/sshd -D
nginx     3631  1204 12 Nov21 ?        01:02:03 nginx: worker process`;

describe("netstatCountersParser", () => {
  it("reads every watched counter of a full netstat -s", () => {
    expect(ids(NETSTAT_S)).toEqual(
      [
        "listen-drops",
        "listen-overflows",
        "paws-passive-rejected",
        "paws-rejects-track-listen-drops",
        "syn-queue-drops",
        "syncookies-sent",
        "tcp-retransmits",
        "tcp-timeouts",
        "tcp-wqueue-too-big",
        "tw-bucket-overflow",
        "udp-in-errors",
        "udp-rcvbuf-errors",
      ].sort(),
    );
  });

  it("marks a counter read once as its total since boot, and a rise between snapshots not", () => {
    const once = parse("TcpExt:\n    1204 times the listen queue of a socket overflowed");
    expect(once.find((s) => s.id === "listen-overflows")).toMatchObject({ sinceBoot: true });
    const twice = parse("TcpExt:\n    1204 times the listen queue of a socket overflowed\nTcpExt:\n    1900 times the listen queue of a socket overflowed");
    expect(twice.find((s) => s.id === "listen-overflows")).toMatchObject({ value: 696 });
    expect(twice.find((s) => s.id === "listen-overflows")?.sinceBoot).toBeUndefined();
  });

  it("reads counters from FreeBSD, macOS and Windows netstat -s", () => {
    expect(ids("tcp:\n\t123456 packets sent\n\t\t87 listen queue overflows")).toEqual(["listen-overflows"]);
    expect(ids("udp:\n\t1234 datagrams received\n\t\t56 dropped due to full socket buffers")).toEqual(["udp-rcvbuf-errors"]);
    const windows = [
      "TCP Statistics for IPv4",
      "",
      "  Active Opens                        = 12345",
      "  Segments Sent                       = 100000",
      "  Segments Retransmitted              = 3456",
      "",
      "UDP Statistics for IPv4",
      "",
      "  Datagrams Received    = 98765",
      "  Receive Errors        = 321",
    ].join("\n");
    expect(ids(windows)).toEqual(["tcp-retransmits", "udp-in-errors"]);
    expect(ids(windows.replace("= 3456", "= 12"))).toEqual(["udp-in-errors"]);
  });

  it("reads counters exported as JSON, key=value or a monitoring table, and their rise", () => {
    expect(ids('{"TcpExtListenOverflows": 1204, "TcpExtListenDrops": 1204}')).toEqual(["listen-drops", "listen-overflows"]);
    expect(ids("host=web-3 ListenOverflows=88 ListenDrops=88")).toEqual(["listen-drops", "listen-overflows"]);
    const table = [
      "time      ListenOverflows  ListenDrops  TCPTimeouts",
      "10:00:00  1200             1200         5",
      "10:05:00  1900             1900         5",
    ].join("\n");
    const signals = parse(table);
    expect(signals.find((s) => s.id === "listen-overflows")).toMatchObject({ value: 700 });
    expect(signals.find((s) => s.id === "listen-overflows")?.sinceBoot).toBeUndefined();
    expect(signals.find((s) => s.id === "tcp-timeouts")).toBeUndefined();
    expect(ids('{"ListenOverflowsThreshold": 10, "connections": 3}')).toEqual([]);
  });

  it("records the value, the exact line and its number", () => {
    const overflow = parse(NETSTAT_S).find((s) => s.id === "listen-overflows")!;
    expect(overflow).toMatchObject({
      parser: "netstat-s",
      value: 1204,
      line: "1204 times the listen queue of a socket overflowed",
      lineNumber: 25,
      source,
    });
    expect(overflow.detail).toContain("cumulative since boot");
  });

  it("reports PAWS rejects tracking listen drops (the AnyTunnel tw_recycle case)", () => {
    const text = `$ netstat -ts | grep -iE 'SYNs to LISTEN|time stamp'
    3631812 SYNs to LISTEN sockets dropped
    3631476 passive connections rejected because of time stamp`;
    const track = parse(text).find((s) => s.id === "paws-rejects-track-listen-drops")!;
    expect(track.value).toBeCloseTo(99.99, 2);
    expect(track.lineNumber).toBe(3);
    expect(ids(text)).toEqual(["listen-drops", "paws-passive-rejected", "paws-rejects-track-listen-drops"]);
  });

  it("does not tie PAWS rejects to listen drops when they are a small share", () => {
    const text = "    3631812 SYNs to LISTEN sockets dropped\n    1000 passive connections rejected because of time stamp";
    expect(ids(text)).not.toContain("paws-rejects-track-listen-drops");
  });

  it("accepts the old net-tools wording", () => {
    const text = `Tcp:
    100000 segments send out
    5000 segments retransmited
TcpExt:
    77 SYNs to LISTEN sockets ignored`;
    const signals = parse(text);
    expect(signals.find((s) => s.id === "listen-drops")?.value).toBe(77);
    expect(signals.find((s) => s.id === "tcp-retransmits")?.value).toBe(5);
  });

  it("reports the rise of ListenOverflows between two snapshots", () => {
    const text = `$ netstat -s | grep overflowed
    1000 times the listen queue of a socket overflowed
$ sleep 10; netstat -s | grep overflowed
    2204 times the listen queue of a socket overflowed`;
    const [overflow] = parse(text);
    expect(overflow).toMatchObject({ id: "listen-overflows", value: 1204, lineNumber: 4 });
    expect(overflow.detail).toBe("ListenOverflows rose by 1204 between the first and last snapshot");
  });

  it("reports nothing for a counter that did not move between snapshots", () => {
    const text = "TcpExtListenOverflows 1204 0.0\nTcpExtListenDrops 1204 0.0\n\nTcpExtListenOverflows 1204 0.0\nTcpExtListenDrops 1204 0.0";
    expect(parse(text)).toEqual([]);
  });

  it("reads nstat -az lines, including TcpExtTCPWqueueTooBig in any case", () => {
    const text = `$ nstat -az TcpExtListenOverflows TcpExtTcpWqueueTooBig UdpRcvbufErrors
#kernel
TcpExtListenOverflows           1204               0.0
TcpExtTcpWqueueTooBig           37                 0.0
UdpRcvbufErrors                 0                  0.0`;
    const signals = parse(text);
    expect(signals.map((s) => [s.id, s.value])).toEqual([
      ["listen-overflows", 1204],
      ["tcp-wqueue-too-big", 37],
    ]);
  });

  it("reads plain nstat output as increments since its previous run", () => {
    const text = `$ nstat
#kernel
TcpExtTCPWqueueTooBig           12                 0.0
$ nstat
#kernel
TcpExtTCPWqueueTooBig           5                  0.0`;
    const [signal] = parse(text);
    expect(signal).toMatchObject({ id: "tcp-wqueue-too-big", value: 5, lineNumber: 6 });
    expect(signal.detail).toContain("since the previous nstat run");
  });

  it("takes the nstat mode from the command named for the output", () => {
    const text = "TcpExtListenDrops 10 0.0\nTcpExtListenDrops 4 0.0";
    expect(parse(text, { kind: "output", index: 1, command: "nstat" })[0]?.value).toBe(4);
    expect(parse(text, { kind: "output", index: 1, command: "nstat -az" })).toEqual([]);
  });

  it("reads the syn queue counters by their nstat names", () => {
    const text = "TcpExtTCPReqQFullDrop 9 0.0\nTcpExtTCPReqQFullDoCookies 3 0.0\nTcpExtSyncookiesSent 3 0.0";
    expect(ids(text)).toEqual(["syn-queue-drops", "syn-queue-drops", "syncookies-sent"]);
  });

  it("reads /proc/net/netstat and /proc/net/snmp header and value pairs", () => {
    const text = `TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed ListenOverflows ListenDrops
TcpExt: 0 0 0 88 90
Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors
Udp: 1000 2 30 900 30 0`;
    expect(parse(text).map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["listen-overflows", 88, 2],
      ["listen-drops", 90, 2],
      ["udp-rcvbuf-errors", 30, 4],
      ["udp-in-errors", 30, 4],
    ]);
  });

  it("reads netstat -su alone", () => {
    const text = `Udp:
    98765 packets received
    4321 packet receive errors
    4321 receive buffer errors`;
    expect(ids(text)).toEqual(["udp-in-errors", "udp-rcvbuf-errors"]);
  });

  it("ignores UdpLite receive errors", () => {
    expect(parse("UdpLite:\n    55 packet receive errors\n    55 receive buffer errors")).toEqual([]);
  });

  it("reports retransmits only above 1% of segments sent", () => {
    const low = "Tcp:\n    1000000 segments sent out\n    500 segments retransmitted";
    expect(ids(low)).toEqual([]);
    const high = "Tcp:\n    1000000 segments sent out\n    25000 segments retransmitted";
    expect(parse(high)[0]).toMatchObject({ id: "tcp-retransmits", value: 2.5, lineNumber: 3 });
  });

  it("reports a rising retransmit counter even without the sent count", () => {
    const text = "TcpRetransSegs 100 0.0\nTcpRetransSegs 350 0.0";
    expect(parse(text)[0]).toMatchObject({ id: "tcp-retransmits", value: 250 });
    expect(parse("TcpRetransSegs 100 0.0")).toEqual([]);
  });

  it("keeps quiet on other tools' output", () => {
    expect(parse(DIG)).toEqual([]);
    expect(parse(PS)).toEqual([]);
    expect(parse("net.ipv4.tcp_tw_recycle = 1\nLISTEN 129 128 0.0.0.0:8080 0.0.0.0:*")).toEqual([]);
  });

  it("ignores annotated lines without counts and survives junk", () => {
    expect(parse("passive connections rejected because of time stamp ---开启sysctl_tw_recycle")).toEqual([]);
    expect(parse("\u0000\u0001\uffff 12 times the listen queue\n99999999999999999999999 x")).toEqual([]);
    expect(parse("")).toEqual([]);
  });
});

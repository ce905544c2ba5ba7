import { describe, expect, it } from "vitest";

import { kernelLogParser } from "@/lib/evidence/parsers/kernel-log";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0, command: "dmesg -T" };
const parse = (text: string) => kernelLogParser.parse(text, source);
const ids = (text: string) => parse(text).map((s) => s.id);

/** The kernel log of the kernel-migration-cpu-stall case. */
const MIGRATION_STALL = `2017-09-15T02:19:55.975310+00:00 ascliveedas4.sgdc kernel: [582026.288227] openvswitch: netlink: Key type 62 is out of range max 22
2017-09-15T03:49:41.312168+00:00 ascliveedas4.sgdc kernel: [587409.546584] md: md0: data-check interrupted.
2017-09-15T06:52:37.820782+00:00 ascliveedas4.sgdc kernel: [598346.499865] ------------[ cut here ]------------
2017-09-15T06:52:37.820783+00:00 ascliveedas4.sgdc kernel: [598346.499872] WARNING: at net/sched/sch_generic.c:297 dev_watchdog+0x270/0x280()
2017-09-15T06:52:37.820784+00:00 ascliveedas4.sgdc kernel: [598346.499873] NETDEV WATCHDOG: ens2f0 (ixgbe): transmit queue 28 timed out
2017-09-15T06:52:37.820786+00:00 ascliveedas4.sgdc kernel: [598346.499928] CPU: 10 PID: 123 Comm: migration/10 Tainted: G L ------------ T 3.10.0-327.22.2.el7.x86_64#1
2017-09-15T06:52:37.820787+00:00 ascliveedas4.sgdc kernel: [598346.499929] Hardware name: HP ProLiant DL160 Gen9/ProLiant DL160 Gen9, BIOS U20 12/27/2015
2017-09-15T06:52:37.820791+00:00 ascliveedas4.sgdc kernel: [598346.499943] Call Trace:
2017-09-15T06:52:37.820792+00:00 ascliveedas4.sgdc kernel: [598346.499952]  <IRQ>  [<ffffffff816360fc>] dump_stack+0x19/0x1b
2017-09-15T06:52:37.820795+00:00 ascliveedas4.sgdc kernel: [598346.499964]  [<ffffffff8154d4f0>] dev_watchdog+0x270/0x280`;

describe("kernelLogParser", () => {
  it("reads the NETDEV WATCHDOG trace naming migration/10", () => {
    const signals = parse(MIGRATION_STALL);
    expect(signals.map((s) => [s.id, s.lineNumber])).toEqual([
      ["kernel-bug-log", 4],
      ["netdev-watchdog-log", 5],
      ["kernel-bug-log", 8],
      ["migration-thread-stall", 6],
    ]);
    const migration = signals.find((s) => s.id === "migration-thread-stall")!;
    expect(migration.value).toBe(10);
    expect(migration.line).toContain("Comm: migration/10");
  });

  it("does not tie a migration thread to a trace far above it", () => {
    const filler = Array.from({ length: 60 }, (_, i) => `[${i}.000000] eth0: rx ok`).join("\n");
    expect(ids(`[1.0] BUG: soft lockup - CPU#3 stuck for 22s! [java:1234]\n${filler}\n[99.0] CPU: 3 PID: 25 Comm: migration/3`)).toEqual(["kernel-bug-log"]);
  });

  it("counts repeated conntrack table full messages, both spellings", () => {
    const text = `[Mon Nov 18 10:00:01 2024] nf_conntrack: table full, dropping packet
[Mon Nov 18 10:00:01 2024] nf_conntrack: nf_conntrack: table full, dropping packet
[Mon Nov 18 10:00:02 2024] nf_conntrack: table full, dropping packet`;
    expect(parse(text)).toEqual([
      expect.objectContaining({
        id: "conntrack-table-full-log",
        value: 3,
        lineNumber: 1,
        line: "[Mon Nov 18 10:00:01 2024] nf_conntrack: table full, dropping packet",
      }),
    ]);
  });

  it("reads SYN flooding, drop open request and TIME_WAIT overflow messages", () => {
    const text = `Nov 18 10:00:01 web kernel: TCP: request_sock_TCP: Possible SYN flooding on port 8080. Sending cookies.  Check SNMP counters.
Nov 18 10:00:05 web kernel: TCP: Possible SYN flooding on port 443. Dropping request.  Check SNMP counters.
Nov 18 10:00:06 web kernel: TCP: drop open request from 10.0.0.7/51234
Nov 18 10:00:07 web kernel: TCP: time wait bucket table overflow`;
    const signals = parse(text);
    expect(signals.map((s) => [s.id, s.value])).toEqual([
      ["syn-flood-log", 2],
      ["drop-open-request-log", 1],
      ["tw-bucket-overflow", 1],
    ]);
    expect(signals[0].detail).toContain("port 8080, 443");
  });

  it("reads memory, neighbour, duplicate address and link messages", () => {
    const text = `[12.5] TCP: out of memory -- consider tuning tcp_mem
[13.1] TCP: too many orphaned sockets
[14.0] neighbour: arp_cache: neighbor table overflow!
[15.0] IPv6: eth0: IPv6 duplicate address fe80::1 used by 52:54:00:aa:bb:cc detected!
[15.5] IPv4: 10.0.0.5 address conflict with 52:54:00:aa:bb:dd on eth0
[16.0] ixgbe 0000:03:00.0 eth1: NIC Link is Down
[17.0] bond0: link status definitely down for interface eth1, disabling it
[17.5] INFO: rcu_sched self-detected stall on CPU { 3}  (t=60000 jiffies g=123 c=122 q=0)
[18.0] e1000e: eth2 NIC Link is Up 1000 Mbps Full Duplex`;
    expect(parse(text).map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["tcp-memory-pressure", 2, 1],
      ["neighbour-overflow-log", 1, 3],
      ["duplicate-address-log", 2, 4],
      ["link-down-log", 2, 6],
      ["kernel-bug-log", 1, 8],
    ]);
  });

  it("reads soft lockups, hung tasks, kernel BUGs and WARNING: CPU lines", () => {
    const text = `[100.1] watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [migration/3:25]
[200.2] INFO: task nginx:1234 blocked for more than 120 seconds.
[300.3] kernel BUG at mm/slub.c:3880!
[400.4] WARNING: CPU: 2 PID: 0 at net/core/dev.c:5123 net_rx_action+0x2d0/0x310`;
    const signals = parse(text);
    expect(signals.map((s) => [s.id, s.lineNumber])).toEqual([
      ["kernel-bug-log", 1],
      ["kernel-bug-log", 2],
      ["kernel-bug-log", 3],
      ["kernel-bug-log", 4],
      ["migration-thread-stall", 1],
    ]);
    expect(signals.map((s) => s.detail)).toContain('kernel log shows "hung task" once');
  });

  it("does not mistake application warnings or prose for kernel messages", () => {
    const prose = `WARNING: at least 3 replicas are required
the link is down again?
title: NIC or physical link down
An IP address conflict: another machine was configured with the same IP
nf_conntrack_count far below nf_conntrack_max and no table full log line
the L taint flag records that a soft lockup had already occurred
    296 WARN_ONCE(1, KERN_INFO "NETDEV WATCHDOG: %s (%s): transmit queue %u timed out\n",`;
    expect(parse(prose)).toEqual([]);
  });

  it("keeps quiet on other tools' output and junk", () => {
    expect(parse(";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14\n;; Query time: 12 msec")).toEqual([]);
    expect(parse("UID PID PPID C STIME TTY TIME CMD\nroot 25 2 0 Nov21 ? 00:00:03 [migration/3]")).toEqual([]);
    expect(parse("\u0000\u0001\u0002\ufffd\n")).toEqual([]);
  });
});

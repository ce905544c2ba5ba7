import { describe, expect, it } from "vitest";

import { conntrackStatsParser } from "@/lib/evidence/parsers/conntrack-stats";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string, src: EvidenceSource = source) => conntrackStatsParser.parse(text, src);

const CONNTRACK_S = `[root@node ~]# conntrack -S
cpu=0   	found=0 invalid=12 ignore=0 insert=0 insert_failed=8 drop=8 early_drop=0 error=0 search_restart=0
cpu=1   	found=0 invalid=3 ignore=0 insert=0 insert_failed=2 drop=2 early_drop=0 error=0 search_restart=1
cpu=2   	found=0 invalid=0 ignore=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0
cpu=3   	found=0 invalid=0 ignore=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0`;

describe("conntrackStatsParser", () => {
  it("sums insert_failed and drop over the CPUs of conntrack -S", () => {
    const signals = parse(CONNTRACK_S);
    expect(signals.map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["conntrack-insert-failed", 10, 2],
      ["conntrack-drop", 10, 2],
    ]);
    expect(signals[0].line).toBe("cpu=0   \tfound=0 invalid=12 ignore=0 insert=0 insert_failed=8 drop=8 early_drop=0 error=0 search_restart=0");
    expect(signals[0].detail).toContain("cumulative since boot");
  });

  it("reads the older per-CPU format with more fields", () => {
    const text =
      "cpu=0 searched=1024 found=900 new=124 invalid=0 ignore=5 delete=100 delete_list=100 insert=124 insert_failed=0 drop=0 early_drop=37 icmp_error=0 expect_new=0 expect_create=0 expect_delete=0 search_restart=0";
    expect(parse(text)).toEqual([expect.objectContaining({ id: "conntrack-drop", value: 37 })]);
  });

  it("reports the rise between two conntrack -S snapshots, and nothing for a flat counter", () => {
    const text = `${CONNTRACK_S}
[root@node ~]# sleep 60; conntrack -S
cpu=0   	found=0 invalid=12 ignore=0 insert=0 insert_failed=20 drop=8 early_drop=0 error=0 search_restart=0
cpu=1   	found=0 invalid=3 ignore=0 insert=0 insert_failed=2 drop=2 early_drop=0 error=0 search_restart=1
cpu=2   	found=0 invalid=0 ignore=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0
cpu=3   	found=0 invalid=0 ignore=0 insert=0 insert_failed=0 drop=0 early_drop=0 error=0 search_restart=0`;
    const signals = parse(text);
    expect(signals.map((s) => [s.id, s.value, s.lineNumber])).toEqual([["conntrack-insert-failed", 12, 7]]);
    expect(signals[0].detail).toContain("rose by 12");
  });

  it("reports a table near its max from cat of both files", () => {
    const text = `$ cat /proc/sys/net/netfilter/nf_conntrack_count
262100
$ cat /proc/sys/net/netfilter/nf_conntrack_max
262144`;
    expect(parse(text)).toEqual([expect.objectContaining({ id: "conntrack-near-max", value: 100, lineNumber: 2, line: "262100" })]);
  });

  it("reads sysctl lines, one cat naming both files, and conntrack -C", () => {
    expect(parse("net.netfilter.nf_conntrack_max = 65536\nnet.netfilter.nf_conntrack_count = 60000")[0]).toMatchObject({
      id: "conntrack-near-max",
      value: 91.6,
      lineNumber: 2,
    });
    const both = "# cat /proc/sys/net/netfilter/nf_conntrack_count /proc/sys/net/netfilter/nf_conntrack_max\n59000\n65536";
    expect(parse(both)[0]).toMatchObject({ id: "conntrack-near-max", lineNumber: 2 });
    expect(parse("net.nf_conntrack_max = 65536\n$ conntrack -C\n65000")[0]).toMatchObject({ lineNumber: 3 });
  });

  it("does not call a half-full table near max", () => {
    expect(parse("net.netfilter.nf_conntrack_max = 262144\nnet.netfilter.nf_conntrack_count = 130000")).toEqual([]);
  });

  it("reads /proc/net/stat/nf_conntrack hex rows", () => {
    const text = `entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart
0000fff0  00000000 00000000 00000000 00000a3d 0000262b 00000000 00000000 00000000 00000010 00000004 00000000 00000000  00000000 00000000 00000000 0000017f
0000fff0  00000000 00000000 00000000 00000001 00000002 00000000 00000000 00000000 00000001 00000000 00000000 00000000  00000000 00000000 00000000 00000000
net.netfilter.nf_conntrack_max = 65536`;
    expect(parse(text).map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["conntrack-insert-failed", 17, 2],
      ["conntrack-drop", 4, 2],
      ["conntrack-near-max", 100, 2],
    ]);
  });

  it("ignores a bare number that no command explains", () => {
    expect(parse("262100\n262144")).toEqual([]);
    expect(parse("net.netfilter.nf_conntrack_max = 262144\n$ sysctl net.netfilter.nf_conntrack_max\n\n262100")).toEqual([]);
  });

  it("keeps quiet on other tools' output and junk", () => {
    expect(parse(";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14")).toEqual([]);
    expect(parse("UID PID PPID C STIME TTY TIME CMD\nroot 1 0 0 Nov21 ? 00:00:03 /sbin/init")).toEqual([]);
    expect(parse("cpu=x insert_failed=y\ncpu=0 \u0000 insert_failed=\nentries foo insert_failed\nzzzzzzzz")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";

import { sysctlParser } from "@/lib/evidence/parsers/sysctl";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string, src: EvidenceSource = source) => sysctlParser.parse(text, src);
const pairs = (text: string) => parse(text).map((s) => [s.id, s.value]);

describe("sysctlParser", () => {
  it("reads the Windows dynamic port range from netsh as the local port range", () => {
    const netsh = "Protocol tcp Dynamic Port Range\n---------------------------------\nStart Port      : 49152\nNumber of Ports : 16384";
    expect(sysctlParser.parse(netsh, { kind: "output", index: 0 })).toMatchObject([{ id: "port-range-narrow", value: 16384 }]);
    expect(sysctlParser.parse(netsh.replace("16384", "64511").replace("49152", "1025"), { kind: "output", index: 0 })).toEqual([]);
  });

  it("reads the apiserver case's queue settings", () => {
    const text = `net.core.somaxconn = 128
net.ipv4.tcp_max_syn_backlog = 512
net.ipv4.tcp_syncookies = 1
net.ipv4.tcp_abort_on_overflow = 0`;
    const signals = parse(text);
    expect(signals.map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["somaxconn-low", 128, 1],
      ["syn-backlog-low", 512, 2],
      ["syncookies-on", 1, 3],
    ]);
    expect(signals[0]).toMatchObject({ parser: "sysctl", line: "net.core.somaxconn = 128" });
  });

  it("reads tw_recycle and timestamps both ways", () => {
    expect(pairs("net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_timestamps = 1")).toEqual([
      ["tw-recycle-on", 1],
      ["timestamps-on", 1],
    ]);
    expect(pairs("net.ipv4.tcp_tw_recycle = 0\nnet.ipv4.tcp_timestamps = 0\nnet.ipv4.tcp_syncookies = 0")).toEqual([
      ["tw-recycle-off", 0],
      ["syncookies-off", 0],
    ]);
  });

  it("reports nothing for healthy values of the redis case", () => {
    expect(pairs("net.ipv4.tcp_tw_recycle = 0\nnet.ipv4.tcp_max_syn_backlog = 2048\nnet.core.somaxconn = 8192")).toEqual([["tw-recycle-off", 0]]);
  });

  it("measures the local port range", () => {
    expect(parse("net.ipv4.ip_local_port_range = 32768\t60999")[0]).toMatchObject({ id: "port-range-narrow", value: 28232 });
    expect(parse("net.ipv4.ip_local_port_range = 1024 65535")).toEqual([]);
  });

  it("tells extreme and small receive buffers apart", () => {
    expect(pairs("net.core.rmem_default = 2147483647\nnet.core.rmem_max = 212992\nnet.core.rmem_default = 8388608")).toEqual([
      ["rmem-default-extreme", 2147483647],
      ["udp-buffer-small", 212992],
    ]);
  });

  it("reads conntrack max, window scaling and abort_on_overflow", () => {
    expect(pairs("net.netfilter.nf_conntrack_max = 65536\nnet.ipv4.tcp_window_scaling = 0\nnet.ipv4.tcp_abort_on_overflow = 1")).toEqual([
      ["conntrack-max-low", 65536],
      ["window-scaling-off", 0],
      ["abort-on-overflow-on", 1],
    ]);
  });

  it("reads sysctl.conf lines, grep prefixes and slashed keys, but not comments or sysctl -w", () => {
    const text = `/etc/sysctl.conf:net.ipv4.tcp_tw_recycle=1
/etc/sysctl.d/99-k8s.conf:12:net/core/somaxconn=64
# net.ipv4.tcp_syncookies = 0
;net.ipv4.tcp_window_scaling = 0
$ sysctl -w net.ipv4.tcp_abort_on_overflow=1`;
    expect(parse(text).map((s) => [s.id, s.lineNumber])).toEqual([
      ["tw-recycle-on", 1],
      ["somaxconn-low", 2],
    ]);
  });

  it("reads bare values printed by cat /proc/sys and sysctl -n", () => {
    expect(parse("# cat /proc/sys/net/core/somaxconn\n128")[0]).toMatchObject({ id: "somaxconn-low", value: 128, lineNumber: 2 });
    expect(pairs("$ sysctl -n net.ipv4.tcp_tw_recycle net.ipv4.tcp_timestamps\n1\n1")).toEqual([
      ["tw-recycle-on", 1],
      ["timestamps-on", 1],
    ]);
    expect(parse("1", { kind: "output", index: 0, command: "cat /proc/sys/net/ipv4/tcp_abort_on_overflow" })[0]).toMatchObject({
      id: "abort-on-overflow-on",
      lineNumber: 1,
    });
  });

  it("keeps both readings of a before/after paste, once each", () => {
    const text = "net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_tw_recycle = 1\n$ sysctl -p\nnet.ipv4.tcp_tw_recycle = 0";
    expect(parse(text).map((s) => [s.id, s.lineNumber])).toEqual([
      ["tw-recycle-on", 1],
      ["tw-recycle-off", 4],
    ]);
  });

  it("reads the low side of a diff of two nodes' sysctl -a", () => {
    const text = "12c12\n< net.ipv4.tcp_max_syn_backlog = 1024\n---\n> net.ipv4.tcp_max_syn_backlog = 8192";
    expect(pairs(text)).toEqual([["syn-backlog-low", 1024]]);
  });

  it("keeps quiet on other tools' output, unknown keys and junk", () => {
    expect(parse(";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14")).toEqual([]);
    expect(parse("UID PID PPID C STIME TTY TIME CMD\nroot 1 0 0 Nov21 ? 00:00:03 /sbin/init")).toEqual([]);
    expect(
      parse("net.ipv4.tcp_fin_timeout = 60\nnet.core.somaxconn = abc\n128\nsysctl: cannot stat /proc/sys/net/ipv4/tcp_tw_recycle: No such file or directory"),
    ).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";

import { softnetParser } from "@/lib/evidence/parsers/softnet";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string) => softnetParser.parse(text, source);
const summary = (text: string) => parse(text).map((s) => [s.id, s.value, s.lineNumber]);

const SOFTNET = `$ cat /proc/net/softnet_stat
6dcad223 00000000 00000001 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
6d1de8a4 00000010 0000000a 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
00c3b1f2 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000`;

describe("softnetParser", () => {
  it("sums dropped and time_squeeze over the CPUs of softnet_stat", () => {
    const signals = parse(SOFTNET);
    expect(signals.map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["softnet-drops", 16, 3],
      ["softnet-squeeze", 11, 2],
    ]);
    expect(signals[0]).toMatchObject({
      parser: "softnet",
      line: "6d1de8a4 00000010 0000000a 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000",
    });
    expect(signals[0].detail).toContain("cumulative since boot");
  });

  it("reports the rise between two snapshots, split by the CPU id column of newer kernels", () => {
    const row = (dropped: string, squeeze: string, cpu: string) =>
      `0000a000 ${dropped} ${squeeze} 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 ${cpu} 00000000`;
    const text = [
      row("00000005", "00000020", "00000000"),
      row("00000000", "00000001", "00000001"),
      row("00000005", "00000030", "00000000"),
      row("00000000", "00000001", "00000001"),
    ].join("\n");
    expect(summary(text)).toEqual([["softnet-squeeze", 16, 3]]);
  });

  it("finds one CPU taking a NIC's interrupts", () => {
    const text = `           CPU0       CPU1       CPU2       CPU3
  0:         44          0          0          0   IO-APIC-edge      timer
 45:   98765432          0          0          0   PCI-MSI-edge      eth0-TxRx-0
 46:       1200          0          0          0   PCI-MSI-edge      eth0-TxRx-1
 47:          0       1100          0          0   PCI-MSI-edge      eth0-TxRx-2
 48:          0          0       1300          0   PCI-MSI-edge      eth0-TxRx-3
 49:     500000     500000     500000     500000   PCI-MSI-edge      eth1-TxRx-0`;
    const signals = parse(text);
    expect(signals).toEqual([expect.objectContaining({ id: "rx-queue-imbalance", lineNumber: 3 })]);
    expect(signals[0].detail).toBe("CPU0 handles 100% of eth0 interrupts across 4 CPUs");
  });

  it("reads grep excerpts of newer /proc/interrupts and /proc/softirqs NET_RX", () => {
    const interrupts =
      "  33:    9000000   0   0   0   0   0  IR-PCI-MSI 1572864-edge      virtio0-input.0\n  34:  0 0 0 0 0 0 IR-PCI-MSI 1572865-edge virtio0-output.0";
    expect(summary(interrupts)).toEqual([["rx-queue-imbalance", 100, 1]]);
    const softirqs = "                    CPU0       CPU1       CPU2       CPU3\n      NET_RX:    1000000       2000       3000       1000";
    expect(summary(softirqs)).toEqual([["rx-queue-imbalance", 99.4, 2]]);
  });

  it("ignores evenly spread or idle interrupts and non-NIC devices", () => {
    expect(parse(" 45: 5000 5000 5000 5000 PCI-MSI-edge eth0-TxRx-0")).toEqual([]);
    expect(parse(" 45: 500 0 0 0 PCI-MSI-edge eth0-TxRx-0")).toEqual([]);
    expect(parse(" 12: 9000000 0 0 0 IO-APIC 12-edge i8042")).toEqual([]);
  });

  it("finds a CPU saturated in softirq in mpstat -P ALL", () => {
    const text = `Linux 3.10.0-957.el7.x86_64 (gw-01) 	11/18/2024 	_x86_64_	(4 CPU)

10:00:01 AM  CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle
10:00:02 AM  all    5.00    0.00    3.00    0.00    0.00   26.50    0.00    0.00    0.00   65.50
10:00:02 AM    0    1.00    0.00    1.00    0.00    0.00   98.00    0.00    0.00    0.00    0.00
10:00:02 AM    1    6.00    0.00    4.00    0.00    0.00    3.00    0.00    0.00    0.00   87.00
10:00:02 AM    2    7.00    0.00    4.00    0.00    0.00    2.00    0.00    0.00    0.00   87.00
10:00:02 AM    3    6.00    0.00    3.00    0.00    0.00    3.00    0.00    0.00    0.00   88.00`;
    expect(summary(text)).toEqual([["softirq-hot-cpu", 98, 5]]);
  });

  it("finds a CPU saturated in softirq in top's per-CPU lines, old and new", () => {
    const text = `%Cpu0  :  1.0 us,  2.0 sy,  0.0 ni,  0.0 id,  0.0 wa,  0.0 hi, 97.0 si,  0.0 st
%Cpu1  :  5.0 us,  2.0 sy,  0.0 ni, 92.0 id,  0.0 wa,  0.0 hi,  1.0 si,  0.0 st
%Cpu2  :  5.0 us,  2.0 sy,  0.0 ni, 92.0 id,  0.0 wa,  0.0 hi,  1.0 si,  0.0 st`;
    expect(summary(text)).toEqual([["softirq-hot-cpu", 97, 1]]);
    const old =
      "Cpu0  :  1.0%us,  2.0%sy,  0.0%ni, 10.0%id,  0.0%wa,  0.0%hi, 87.0%si,  0.0%st\nCpu1  :  1.0%us,  2.0%sy,  0.0%ni, 96.0%id,  0.0%wa,  0.0%hi,  1.0%si,  0.0%st\nCpu2  :  1.0%us,  2.0%sy,  0.0%ni, 96.0%id,  0.0%wa,  0.0%hi,  1.0%si,  0.0%st";
    expect(summary(old)).toEqual([["softirq-hot-cpu", 87, 1]]);
  });

  it("does not call a host busy in softirq everywhere a hot CPU", () => {
    const text = `%Cpu0  :  0.0 us,  0.0 sy,  0.0 ni, 40.0 id,  0.0 wa,  0.0 hi, 60.0 si,  0.0 st
%Cpu1  :  0.0 us,  0.0 sy,  0.0 ni, 45.0 id,  0.0 wa,  0.0 hi, 55.0 si,  0.0 st`;
    expect(parse(text)).toEqual([]);
  });

  it("keeps quiet on other tools' output, on the conntrack hex table and on junk", () => {
    expect(parse(";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14")).toEqual([]);
    expect(parse("UID PID PPID C STIME TTY TIME CMD\nroot 1 0 0 Nov21 ? 00:00:03 /sbin/init")).toEqual([]);
    const conntrackRow =
      "0000fff0  00000000 00000000 00000000 00000a3d 0000262b 00000000 00000000 00000000 00000010 00000004 00000000 00000000  00000000 00000000 00000000 0000017f";
    expect(parse(conntrackRow)).toEqual([]);
    expect(parse("deadbeef zz\n1: x\nCPU %soft\n\u0000")).toEqual([]);
  });
});

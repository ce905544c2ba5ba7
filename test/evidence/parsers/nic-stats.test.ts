import { describe, expect, it } from "vitest";

import { nicStatsParser } from "@/lib/evidence/parsers/nic-stats";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string, src: EvidenceSource = source) => nicStatsParser.parse(text, src);
const summary = (text: string) => parse(text).map((s) => [s.id, s.value, s.lineNumber]);

describe("nicStatsParser", () => {
  it("reads drop and error counters of ethtool -S", () => {
    const text = `$ ethtool -S eth0
NIC statistics:
     rx_packets: 123456789
     tx_packets: 98765432
     rx_missed_errors: 5120
     rx_no_buffer_count: 12
     rx_crc_errors: 3
     tx_errors: 0`;
    const signals = parse(text);
    expect(signals.map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["nic-rx-drops", 5120, 5],
      ["nic-errors", 3, 7],
    ]);
    expect(signals[0]).toMatchObject({ parser: "nic-stats", line: "rx_missed_errors: 5120" });
    expect(signals[0].detail).toBe("eth0: rx_missed_errors is 5120 (cumulative since boot; compare two snapshots to see it rise)");
  });

  it("reports the rise between two ethtool -S snapshots and nothing for flat counters", () => {
    const text = `ethtool -S eth0 | grep -E 'miss|fifo'
     rx_missed_errors: 5120
     rx_fifo_errors: 7
ethtool -S eth0 | grep -E 'miss|fifo'
     rx_missed_errors: 5600
     rx_fifo_errors: 7`;
    expect(summary(text)).toEqual([["nic-rx-drops", 480, 5]]);
  });

  it("finds one receive queue carrying most packets (the listen-hash RPS case)", () => {
    const queues = [9_000_000, 500, 400, 300, 200, 100, 90, 80].map((n, i) => `     rx_queue_${i}_packets: ${n}`).join("\n");
    const signals = parse(`NIC statistics:\n${queues}`, { kind: "output", index: 0, command: "ethtool -S eth1" });
    expect(signals).toEqual([expect.objectContaining({ id: "rx-queue-imbalance", lineNumber: 2, line: "rx_queue_0_packets: 9000000" })]);
    expect(signals[0].value).toBeCloseTo(99.98, 1);
    expect(signals[0].detail).toContain("eth1: receive queue 0");
  });

  it("accepts balanced queues and other drivers' queue names", () => {
    const balanced = [1000, 1100, 900, 1050].map((n, i) => `rx-${i}.packets: ${n}`).join("\n");
    expect(parse(balanced)).toEqual([]);
    const mlx = [100, 100, 100, 5000].map((n, i) => `rx${i}_packets: ${n}`).join("\n");
    expect(summary(mlx)).toEqual([["rx-queue-imbalance", 94.3, 4]]);
  });

  it("reads a NIC without carrier from ip link and ethtool", () => {
    const text = `3: eth1: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc mq state DOWN mode DEFAULT group default qlen 1000
    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff
$ ethtool eth2
Settings for eth2:
	Speed: Unknown!
	Link detected: no`;
    const signals = parse(text);
    expect(signals.map((s) => [s.id, s.lineNumber, s.detail])).toEqual([
      ["link-no-carrier", 1, "eth1: NO-CARRIER"],
      ["link-no-carrier", 6, "eth2: ethtool reports no link"],
    ]);
  });

  it("ignores down bridges and admin-down NICs", () => {
    const text = `4: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default
5: eth3: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000`;
    expect(parse(text)).toEqual([]);
  });

  it("reports a small physical MTU and the overlay of the vxlan MTU case", () => {
    const text = `$ ip link show
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1350 qdisc mq state UP mode DEFAULT group default qlen 1000
    link/ether fa:16:3e:aa:bb:cc brd ff:ff:ff:ff:ff:ff
3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default
    link/ether 6e:1f:aa:bb:cc:dd brd ff:ff:ff:ff:ff:ff
4: tunl0@NONE: <NOARP> mtu 1480 qdisc noop state DOWN mode DEFAULT group default qlen 1000
    link/ipip 0.0.0.0 brd 0.0.0.0`;
    const signals = parse(text);
    expect(signals.map((s) => [s.id, s.value, s.lineNumber])).toEqual([
      ["mtu-small", 1350, 3],
      ["mtu-overlay", 1450, 5],
    ]);
    expect(signals[1].detail).toBe("overlay or tunnel interface flannel.1 (MTU 1450)");
  });

  it("does not call a container's eth0 peer or an overlay a small physical MTU", () => {
    const text = `3: eth0@if12: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP mode DEFAULT group default
7: vxlan.calico: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1410 qdisc noqueue state UNKNOWN mode DEFAULT group default`;
    expect(summary(text)).toEqual([["mtu-overlay", 1410, 2]]);
  });

  it("reads ip -s link counters, including the -s -s error breakdown", () => {
    const text = `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000
    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff
    RX:  bytes packets errors dropped  missed   mcast
    9876543210 12345678     0    4096       0       0
    RX errors:  length    crc   frame    fifo  overrun
                     0     17       0       0        0
    TX:  bytes packets errors dropped carrier collsns
    1234567890  2345678      0       0       0       0`;
    expect(summary(text)).toEqual([
      ["nic-rx-drops", 4096, 4],
      ["nic-errors", 17, 6],
    ]);
  });

  it("reads new and old ifconfig", () => {
    const text = `eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500
        inet 10.0.0.5  netmask 255.255.255.0  broadcast 10.0.0.255
        RX packets 123456  bytes 98765432 (94.1 MiB)
        RX errors 0  dropped 12  overruns 0  frame 0
        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0
eth1      Link encap:Ethernet  HWaddr 00:0C:29:AA:BB:CC
          UP BROADCAST MULTICAST  MTU:1400  Metric:1
          RX packets:100 errors:5 dropped:0 overruns:0 frame:5
          TX packets:100 errors:0 dropped:0 overruns:0 carrier:0`;
    expect(summary(text)).toEqual([
      ["nic-rx-drops", 12, 4],
      ["nic-errors", 5, 8],
      ["link-no-carrier", undefined, 6],
      ["mtu-small", 1400, 6],
    ]);
  });

  it("reads netstat -i", () => {
    const text = `Kernel Interface table
Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg
eth0      1500  1234567      0    300      0   987654      0      0      0 BMRU
lo       65536     4321      0      0      0     4321      0      0      0 LRU`;
    expect(summary(text)).toEqual([["nic-rx-drops", 300, 3]]);
  });

  it("keeps quiet on other tools' output and junk", () => {
    expect(parse(";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14")).toEqual([]);
    expect(parse("UID PID PPID C STIME TTY TIME CMD\nroot 1 0 0 Nov21 ? 00:00:03 /sbin/init")).toEqual([]);
    expect(parse("TCPReqQFullDrop: 12\nrx_foo: 9\nRX: bytes\nx y z\n\u0000: 1\nIface MTU\n")).toEqual([]);
  });
});

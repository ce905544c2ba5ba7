import { describe, expect, it } from "vitest";

import { pathTraceParser } from "@/lib/evidence/parsers/path-trace";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0, command: "mtr -r" };
const parse = (text: string) => pathTraceParser.parse(text, source);
const ids = (text: string) =>
  parse(text)
    .map((s) => s.id)
    .sort();
const find = (text: string, id: string) => parse(text).find((s) => s.id === id);

/** The report from fujian-tietong-wifi-timeout. */
const fujian = `Start: Mon Sep 17 13:44:26 2018
HOST: ip-10-0-1-117.cn-north-1.co Loss% Snt Last Avg Best Wrst StDev
1.|-- ??? 100.0 100 0.0 0.0 0.0 0.0 0.0
2.|-- ??? 100.0 100 0.0 0.0 0.0 0.0 0.0
3.|-- ??? 100.0 100 0.0 0.0 0.0 0.0 0.0

4.|-- 100.65.0.129       0.0% 100 0.5 0.7 0.4 4.6 0.6
5.|-- 54.222.0.139       0.0% 100 3.2 2.1 1.4 6.5 0.5
6.|-- 54.222.24.167      0.0% 100 5.8 7.6 1.4 64.6 6.5
7.|-- 54.222.0.162       0.0% 100 3.9 2.2 1.4 5.3 0.6

8.|-- 124.65.226.133     0.0% 100 3.7 10.2 3.6 79.5 17.5
9.|-- 202.96.13.117      52.0% 100 3.8 5.6 3.5 7.6 1.0
10.|-- 124.65.194.81     0.0% 100 4.6 16.3 4.3 1021. 101.6
11.|-- 219.158.101.22    0.0% 100 4.9 5.1 4.2 37.8 3.3
12.|-- 202.97.10.236     0.0% 100 3.6 3.8 3.5 4.2 0.0
13.|-- 61.237.127.229    0.0% 100 5.4 7.0 4.8 9.8 1.1
14.|-- 61.237.121.70     0.0% 100 22.6 22.2 21.6 30.6 1.3
15.|-- 61.237.126.106    0.0% 100 36.4 37.1 36.0 53.8 2.7

16.|-- ??? 100.0 100 0.0 0.0 0.0 0.0 0.0
17.|-- ??? 100.0 100 0.0 0.0 0.0 0.0 0.0

18.|-- 218.207.222.54    86.0% 100 56.6 56.6 56.2 57.3 0.0
19.|-- 218.207.222.54    51.0% 100 57.0 325.0 50.3 7159. 1109.4
20.|-- 218.207.222.166   35.7% 98 7961. 1378. 50.0 7961. 2182.7
21.|-- 112.5.255.89      42.9% 98 1898. 2238. 49.9 8047. 2209.8
22.|-- 112.5.255.89      51.5% 97 8205. 2039. 49.8 8205. 2858.6
23.|-- 112.5.255.94      45.7% 94 8154. 2395. 49.8 8154. 2783.4
24.|-- 112.5.255.94      45.7% 94 3096. 1323. 49.4 8077. 2423.2
25.|-- 112.5.255.89      53.8% 93 1051. 2250. 49.9 7975. 2384.0
26.|-- 112.5.255.89      46.2% 93 3090. 1304. 50.0 8015. 2437.6
27.|-- 112.5.255.94      64.1% 92 7988. 2722. 49.8 8138. 2828.2
28.|-- 112.5.255.89      46.7% 92 7349. 1136. 49.6 8178. 2364.1
29.|-- 211.143.158.250   57.8% 90 3966. 2808. 49.8 8162. 3129.5
30.|-- 112.5.255.94      53.3% 90 1081. 812.9 49.7 8083. 1734.7`;

const mtrRow = (hop: number, host: string, loss: string) => `  ${hop}.|-- ${host.padEnd(18)} ${loss.padStart(6)}   100    1.0   1.1   0.9   2.0   0.2`;

describe("pathTraceParser", () => {
  it("finds persistent loss and a loop in the fujian-tietong-wifi-timeout report", () => {
    expect(ids(fujian)).toEqual(["path-loop", "path-loss-midway"]);
    const midway = find(fujian, "path-loss-midway");
    expect(midway).toMatchObject({ line: "18.|-- 218.207.222.54    86.0% 100 56.6 56.6 56.2 57.3 0.0", lineNumber: 24, value: 86 });
    expect(midway?.detail).toContain("persists to hop 30");
    const loop = find(fujian, "path-loop");
    expect(loop).toMatchObject({ lineNumber: 31 });
    expect(loop?.detail).toContain("112.5.255.89 answers at hop 21 and again at hop 25");
  });

  it("reads loss at one router that disappears later as a clean path (ICMP rate limiting)", () => {
    const text = [
      "HOST: client   Loss%   Snt   Last   Avg  Best  Wrst StDev",
      mtrRow(1, "10.0.0.1", "0.0%"),
      mtrRow(2, "10.0.1.1", "35.0%"),
      mtrRow(3, "10.0.2.1", "0.0%"),
      mtrRow(4, "93.184.216.34", "0.0%"),
    ].join("\n");
    expect(ids(text)).toEqual(["path-clean"]);
    expect(find(text, "path-clean")?.detail).toContain("hop(s) 2 does not persist");
  });

  it("reports loss that appears only at the destination", () => {
    const text = [mtrRow(1, "10.0.0.1", "0.0%"), mtrRow(2, "10.0.1.1", "0.0%"), mtrRow(3, "93.184.216.34", "20.0%")].join("\n");
    expect(find(text, "path-loss-final-hop")).toMatchObject({ lineNumber: 3, value: 20 });
    expect(ids(text)).toEqual(["path-loss-final-hop"]);
  });

  it("reads mtr -z reports with AS columns and hostnames", () => {
    const text = [
      "Start: 2024-01-01T00:00:00+0000",
      "HOST: web01                     Loss%   Snt   Last   Avg  Best  Wrst StDev",
      "  1. AS???    _gateway           0.0%   100    0.3   0.3   0.2   0.9   0.1",
      "  2. AS4134   202.97.10.236     12.0%   100    3.6   3.8   3.5   4.2   0.0",
      "  3. AS4134   61.237.127.229    15.0%   100    5.4   7.0   4.8   9.8   1.1",
      "  4. AS15169  dns.google (8.8.8.8) 14.0%   100   30.1  30.5  29.9  31.0   0.3",
    ].join("\n");
    expect(find(text, "path-loss-midway")).toMatchObject({ lineNumber: 4, value: 12 });
  });

  it("reports hops that stop answering to the end", () => {
    const mtr = [mtrRow(1, "10.0.0.1", "0.0%"), mtrRow(2, "10.0.1.1", "0.0%"), mtrRow(3, "???", "100.0")].join("\n");
    expect(ids(mtr)).toEqual(["path-timeouts"]);
    const traceroute = [
      "traceroute to 10.9.9.9 (10.9.9.9), 30 hops max, 60 byte packets",
      " 1  10.0.0.1 (10.0.0.1)  0.345 ms  0.301 ms  0.290 ms",
      " 2  10.0.1.1 (10.0.1.1)  1.345 ms  1.301 ms  1.290 ms",
      " 3  * * *",
      " 4  * * *",
    ].join("\n");
    expect(find(traceroute, "path-timeouts")).toMatchObject({ lineNumber: 4, value: 2 });
    expect(ids(traceroute)).toEqual(["path-timeouts"]);
  });

  it("reads a clean traceroute that reaches its destination despite silent routers", () => {
    const text = [
      "traceroute to google.com (142.250.1.1), 30 hops max, 60 byte packets",
      " 1  10.0.0.1  0.345 ms  0.301 ms  0.290 ms",
      " 2  * * *",
      " 3  142.250.1.1  10.345 ms  10.301 ms  10.290 ms",
    ].join("\n");
    expect(find(text, "path-clean")).toMatchObject({ lineNumber: 4 });
  });

  it("reads traceroute ICMP markers", () => {
    const text = [
      "traceroute to 10.9.9.9 (10.9.9.9), 30 hops max, 60 byte packets",
      " 1  10.0.0.1 (10.0.0.1)  0.345 ms  0.301 ms  0.290 ms",
      " 2  10.0.1.1 (10.0.1.1)  1.345 ms !X  1.301 ms !X  1.290 ms !X",
    ].join("\n");
    expect(find(text, "icmp-admin-prohibited")).toMatchObject({ lineNumber: 3 });
    expect(ids(text)).toEqual(["icmp-admin-prohibited"]);
    const unreachable = [" 1  10.0.0.1  0.3 ms  0.3 ms  0.2 ms", " 2  10.0.1.1  3000.1 ms !H  3000.2 ms !H  *"].join("\n");
    expect(ids(unreachable)).toEqual(["icmp-host-unreachable"]);
  });

  it("reads Windows tracert in English and Chinese", () => {
    const english = [
      "Tracing route to example.com [93.184.216.34]",
      "over a maximum of 30 hops:",
      "",
      "  1    <1 ms    <1 ms    <1 ms  192.168.1.1",
      "  2     *        *        *     Request timed out.",
      "  3    10 ms    11 ms     9 ms  example.com [93.184.216.34]",
    ].join("\n");
    expect(ids(english)).toEqual(["path-clean"]);
    const chinese = [
      "通过最多 30 个跃点跟踪到 10.9.9.9 的路由",
      "  1    <1 毫秒   <1 毫秒   <1 毫秒 192.168.1.1",
      "  2     *        *        *     请求超时。",
      "  3     *        *        *     请求超时。",
    ].join("\n");
    expect(find(chinese, "path-timeouts")?.value).toBe(2);
    expect(ids(["  1    <1 ms    <1 ms    <1 ms  192.168.1.1", "  2  192.168.1.1  reports: Destination host unreachable."].join("\n"))).toEqual([
      "icmp-host-unreachable",
    ]);
  });

  it("does not call the same router on consecutive hops a loop", () => {
    const text = [mtrRow(1, "10.0.0.1", "0.0%"), mtrRow(2, "10.0.0.9", "0.0%"), mtrRow(3, "10.0.0.9", "0.0%"), mtrRow(4, "10.0.0.20", "0.0%")].join("\n");
    expect(ids(text)).toEqual(["path-clean"]);
  });

  it("emits nothing for other tools' output", () => {
    const iptables = [
      "Chain INPUT (policy ACCEPT 0 packets, 0 bytes)",
      "num   pkts bytes target     prot opt in     out     source               destination",
      "1        0     0 DROP       all  --  *      *       1.2.3.4              0.0.0.0/0",
      "2        0     0 REJECT     tcp  --  *      *       0.0.0.0/0            0.0.0.0/0",
    ].join("\n");
    const netstat = ["Tcp:", "    3631812 SYNs to LISTEN sockets dropped", "    12 segments retransmitted"].join("\n");
    const ping = ["64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.045 ms", "64 bytes from 10.0.0.1: icmp_seq=2 ttl=64 time=0.041 ms"].join("\n");
    const ps = ["  PID TTY          TIME CMD", "    1 ?        00:00:02 systemd", "    2 ?        00:00:00 kthreadd"].join("\n");
    const numbered = ["1. Check the ELB", "2. Run mtr"].join("\n");
    for (const other of [iptables, netstat, ping, ps, numbered]) expect(parse(other)).toEqual([]);
  });

  it("survives junk", () => {
    expect(parse("1.|-- x 1 2 3 4 5 6 7\n2.|-- y a% b c d e f g\n 3  * x *\n\u0000")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";

import { tcpdumpParser } from "@/lib/evidence/parsers/tcpdump";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0, command: "tcpdump -nn" };
const parse = (text: string) => tcpdumpParser.parse(text, source);
const ids = (text: string) =>
  parse(text)
    .map((s) => s.id)
    .sort();
const find = (text: string, id: string) => parse(text).find((s) => s.id === id);

const SYN_OPTIONS = "options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7]";
const handshake = [
  `12:00:00.000000 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, ${SYN_OPTIONS}, length 0`,
  "12:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [S.], seq 2000, ack 1001, win 65160, options [mss 1460,sackOK,TS val 2 ecr 1,nop,wscale 7], length 0",
  "12:00:00.000200 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0",
];

describe("tcpdumpParser", () => {
  it("recognises offload seen from the capturing host: super-frames and 'incorrect' checksums", () => {
    const tso = "09:41:22.551203 IP 10.0.3.17.443 > 10.0.1.88.51722: Flags [.], seq 1:28961, ack 1, win 502, length 28960";
    expect(find(tso, "capture-offload-artifact")?.detail).toMatch(/28960-byte segment/);
    const checksum = [
      "09:33:12.401873 IP (tos 0x0, ttl 64, id 48213, offset 0, flags [DF], proto TCP (6), length 1500)",
      "    10.0.3.17.443 > 10.0.1.88.51722: Flags [.], cksum 0x1b6f (incorrect -> 0x8d21), seq 1:1449, ack 518, win 501, length 1448",
    ].join("\n");
    expect(ids(checksum)).toContain("capture-offload-artifact");
    expect(ids(handshake.join("\n"))).not.toContain("capture-offload-artifact");
  });

  it("reports a capture that saw nothing matching its filter", () => {
    const empty = [
      "tcpdump: verbose output suppressed, use -v[v]... for full protocol decode",
      "listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes",
      "^C",
      "0 packets captured",
      "0 packets received by filter",
      "0 packets dropped by kernel",
    ].join("\n");
    expect(find(empty, "capture-empty")?.lineNumber).toBe(4);
    expect(ids(["3 packets captured", "3 packets received by filter"].join("\n"))).toEqual([]);
  });

  it("finds nothing wrong in a normal exchange", () => {
    const text = [
      ...handshake,
      "12:00:00.000300 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [P.], seq 1:78, ack 1, win 502, length 77: HTTP: GET / HTTP/1.1",
      "12:00:00.000400 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], ack 78, win 509, length 0",
      "12:00:00.000500 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [P.], seq 1:200, ack 78, win 509, length 199: HTTP: HTTP/1.1 200 OK",
      "12:00:00.000600 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [F.], seq 78, ack 200, win 501, length 0",
      "12:00:00.000700 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [F.], seq 200, ack 79, win 509, length 0",
      "12:00:00.000800 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 201, win 501, length 0",
    ].join("\n");
    expect(parse(text)).toEqual([]);
  });

  it("reports a SYN retransmitted on the same port and never answered", () => {
    const syn = (time: string) => `${time} IP 10.0.0.1.51234 > 10.0.0.2.6379: Flags [S], seq 1000, win 29200, ${SYN_OPTIONS}, length 0`;
    const text = [syn("12:00:00.000000"), syn("12:00:01.001000"), syn("12:00:03.005000")].join("\n");
    expect(ids(text)).toEqual(["syn-no-synack", "syn-retransmit-same-port"]);
    expect(find(text, "syn-retransmit-same-port")).toMatchObject({ lineNumber: 3, value: 3 });
    expect(find(text, "syn-no-synack")).toMatchObject({ lineNumber: 1, value: 1 });
  });

  it("does not count one packet seen on two interfaces as a retransmission", () => {
    const text = [
      `12:00:00.000000 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [S], seq 1000, win 29200, ${SYN_OPTIONS}, length 0`,
      `12:00:00.000020 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [S], seq 1000, win 29200, ${SYN_OPTIONS}, length 0`,
      "12:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [S.], seq 2000, ack 1001, win 65160, options [mss 1460,sackOK,TS val 2 ecr 1,nop,wscale 7], length 0",
      "12:00:00.000200 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100",
      "12:00:00.000210 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [P.], seq 1:101, ack 1, win 502, length 100",
    ].join("\n");
    expect(parse(text)).toEqual([]);
  });

  it("reads an unanswered SYN among answered ones in old-format output (slb-vip-and-direct-rs-session-conflict)", () => {
    const text = [
      "20:31:36.424279 proto: TCP (6), length: 52) xxx.xxx.88.100.46690 > xxx.xxx.98.79.8056: S, cksum 0xc894 (correct), 3791054471:3791054471(0) win 14600",
      "20:31:36.424350 proto: TCP (6), length: 52) xxx.xxx.98.79.8056 > xxx.xxx.88.100.46690: S, cksum 0x6b50 (correct), 4256391041:4256391041(0) ack 3791054472 win 14600",
      "20:31:36.436453 proto: TCP (6), length: 60) xxx.xxx.124.161.5004 > xxx.xxx.98.79.8056: S 3171571935:3171571935(0) win 14600",
      "20:31:36.445127 proto: TCP (6), length: 52) xxx.xxx.88.100.46696 > xxx.xxx.98.79.8056: S, cksum 0x92d2 (correct), 2695912842:2695912842(0) win 14600",
      "20:31:36.445194 proto: TCP (6), length: 52) xxx.xxx.98.79.8056 > xxx.xxx.88.100.46696: S, cksum 0x1e24 (correct), 2827406360:2827406360(0) ack 2695912843 win 14600",
    ].join("\n");
    expect(ids(text)).toEqual(["syn-no-synack"]);
    expect(find(text, "syn-no-synack")).toMatchObject({ lineNumber: 3, value: 1 });
  });

  it("does not call the last SYN of a capture unanswered", () => {
    expect(parse(`12:00:00.000000 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [S], seq 1000, win 29200, ${SYN_OPTIONS}, length 0`)).toEqual([]);
  });

  it("reports a SYN answered by RST (docker-pod-ip-conflict-rst)", () => {
    const text = [
      `12:00:00.000000 IP 10.233.14.1.40000 > 10.233.14.145.8000: Flags [S], seq 1000, win 29200, ${SYN_OPTIONS}, length 0`,
      "12:00:00.000050 IP 10.233.14.145.8000 > 10.233.14.1.40000: Flags [R.], seq 0, ack 1001, win 0, length 0",
    ].join("\n");
    expect(ids(text)).toEqual(["rst-to-syn"]);
    expect(find(text, "rst-to-syn")?.lineNumber).toBe(2);
  });

  it("reports the keep-alive race: FIN, then a request, then RST (alb-502-keepalive-race)", () => {
    const text = [
      "10:00:05.000000 IP 10.0.1.5.3000 > 10.0.0.9.41000: Flags [F.], seq 500, ack 300, win 509, length 0",
      "10:00:05.000300 IP 10.0.0.9.41000 > 10.0.1.5.3000: Flags [P.], seq 300:520, ack 501, win 502, length 220",
      "10:00:05.000400 IP 10.0.1.5.3000 > 10.0.0.9.41000: Flags [R], seq 501, win 0, length 0",
    ].join("\n");
    expect(ids(text)).toEqual(["fin-then-request-rst"]);
    expect(find(text, "fin-then-request-rst")?.lineNumber).toBe(3);
  });

  it("reports an RST in the middle of an established connection", () => {
    const text = [
      ...handshake,
      "12:00:00.000300 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [P.], seq 1:78, ack 1, win 502, length 77",
      "12:00:00.000400 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [R.], seq 1, ack 78, win 0, length 0",
    ].join("\n");
    expect(ids(text)).toEqual(["rst-mid-stream"]);
    expect(find(text, "rst-mid-stream")?.lineNumber).toBe(5);
  });

  it("reads ICMP errors", () => {
    expect(ids("12:00:00.1 IP 10.0.0.254 > 10.0.0.1: ICMP host 10.0.0.3 unreachable - admin prohibited, length 68")).toEqual(["icmp-admin-prohibited"]);
    expect(ids("12:00:00.1 IP 10.0.0.254 > 10.0.0.1: ICMP 10.0.0.3 unreachable - admin prohibited filter, length 68")).toEqual(["icmp-admin-prohibited"]);
    expect(ids("12:00:00.1 IP 10.1.1.53 > 10.0.0.1: ICMP 10.1.1.53 udp port 53 unreachable, length 36")).toEqual(["icmp-port-unreachable"]);
    expect(ids("12:00:00.1 IP 10.0.0.254 > 10.0.0.1: ICMP host 10.0.0.3 unreachable, length 92")).toEqual(["icmp-host-unreachable"]);
    const frag = "12:00:00.1 IP 10.0.0.254 > 10.0.0.1: ICMP 10.10.1.5 unreachable - need to frag (mtu 1350), length 556";
    expect(find(frag, "frag-needed")).toMatchObject({ value: 1350, lineNumber: 1 });
    expect(find("12:00:00.1 IP6 2001:db8::1 > 2001:db8::2: ICMP6, packet too big, mtu 1280, length 1240", "frag-needed")?.value).toBe(1280);
    expect(ids("12:00:00.1 IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 64")).toEqual([]);
  });

  it("reports retransmitted data and duplicate ACKs", () => {
    const text = [
      ...handshake,
      "12:00:00.001000 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], seq 1:1449, ack 1, win 509, length 1448",
      "12:00:00.001100 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], seq 2897:4345, ack 1, win 509, length 1448",
      "12:00:00.001150 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1449, win 501, options [nop,nop,sack 1 {2897:4345}], length 0",
      "12:00:00.001200 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], seq 4345:5793, ack 1, win 509, length 1448",
      "12:00:00.001250 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1449, win 501, options [nop,nop,sack 1 {2897:5793}], length 0",
      "12:00:00.001300 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], seq 5793:7241, ack 1, win 509, length 1448",
      "12:00:00.001350 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1449, win 501, options [nop,nop,sack 1 {2897:7241}], length 0",
      "12:00:00.001400 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], seq 7241:8689, ack 1, win 509, length 1448",
      "12:00:00.001450 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1449, win 501, options [nop,nop,sack 1 {2897:8689}], length 0",
      "12:00:00.210000 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], seq 1449:2897, ack 1, win 509, length 1448",
      "12:00:00.420000 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], seq 1449:2897, ack 1, win 509, length 1448",
    ].join("\n");
    expect(ids(text)).toEqual(["dup-acks", "tcp-retransmission-seen"]);
    expect(find(text, "dup-acks")).toMatchObject({ lineNumber: 12, value: 3 });
    expect(find(text, "tcp-retransmission-seen")).toMatchObject({ lineNumber: 14 });
  });

  it("does not count keepalive ACKs as duplicate ACKs", () => {
    const text = [
      ...handshake,
      "12:01:00.000000 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0",
      "12:01:00.000100 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], ack 1, win 509, length 0",
      "12:02:00.000000 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0",
      "12:02:00.000100 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], ack 1, win 509, length 0",
      "12:03:00.000000 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0",
      "12:03:00.000100 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], ack 1, win 509, length 0",
      "12:04:00.000000 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0",
    ].join("\n");
    expect(parse(text)).toEqual([]);
  });

  it("reports a SYN-ACK without window scaling (http-slow-transfer-no-window-scale)", () => {
    const text = [
      `12:00:00.000000 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, ${SYN_OPTIONS}, length 0`,
      "12:00:00.000100 IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [S.], seq 2000, ack 1001, win 65535, options [mss 1460,nop,nop,sackOK], length 0",
    ].join("\n");
    expect(ids(text)).toEqual(["no-wscale-in-syn", "small-window"]);
    expect(find(text, "no-wscale-in-syn")).toMatchObject({ lineNumber: 2 });
    expect(find(text, "small-window")).toMatchObject({ lineNumber: 2, value: 65535 });
  });

  it("reports a receiver whose scaled window stays under 64 KB during a bulk transfer", () => {
    const data = Array.from({ length: 25 }, (_, i) => {
      const start = 1 + i * 1448;
      return `12:00:01.${String(1000 + i).padStart(6, "0")} IP 10.0.0.2.80 > 10.0.0.1.51234: Flags [.], seq ${start}:${start + 1448}, ack 1, win 509, length 1448`;
    });
    const text = [
      `12:00:00.000000 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 0], length 0`,
      handshake[1],
      "12:00:00.000200 IP 10.0.0.1.51234 > 10.0.0.2.80: Flags [.], ack 1, win 32768, length 0",
      ...data,
    ].join("\n");
    const signal = find(text, "small-window");
    expect(signal).toMatchObject({ lineNumber: 3, value: 32768 });
    // The same transfer with a scaled window of 32768 << 7 is fine.
    expect(ids(text.replace("wscale 0]", "wscale 7]"))).toEqual([]);
  });

  it("reports A and AAAA queries sent together with the same id (k8s-musl-dns-id-collision)", () => {
    const text = [
      "12:00:00.000100 IP 10.244.1.5.43210 > 10.96.0.10.53: 12345+ A? accounts.google.com. (36)",
      "12:00:00.000150 IP 10.244.1.5.43210 > 10.96.0.10.53: 12345+ AAAA? accounts.google.com. (36)",
      "12:00:00.001000 IP 10.96.0.10.53 > 10.244.1.5.43210: 12345 1/0/0 AAAA 2404:6800:4008:c01::54 (64)",
    ].join("\n");
    expect(ids(text)).toEqual(["dns-parallel-a-aaaa", "dns-same-id-a-aaaa"]);
    expect(find(text, "dns-same-id-a-aaaa")?.lineNumber).toBe(2);
    const glibc = text.replace("12345+ AAAA?", "23456+ AAAA?");
    expect(ids(glibc)).toEqual(["dns-parallel-a-aaaa"]);
    // single-request-reopen: different sockets, different source ports.
    expect(ids(text.replace("10.244.1.5.43210 > 10.96.0.10.53: 12345+ AAAA?", "10.244.1.5.43211 > 10.96.0.10.53: 12345+ AAAA?"))).toEqual([]);
  });

  it("reports unanswered ARP requests and two MACs for one IP", () => {
    const request = (time: string) => `${time} ARP, Request who-has 10.100.2.1 tell 10.100.2.2, length 28`;
    const unanswered = [request("12:00:00.0"), request("12:00:01.0"), request("12:00:02.0")].join("\n");
    expect(find(unanswered, "arp-no-reply")).toMatchObject({ value: 3, lineNumber: 1 });
    expect(ids(`${unanswered}\n12:00:02.1 ARP, Reply 10.100.2.1 is-at 00:18:51:38:b1:cd, length 46`)).toEqual([]);
    const gratuitous = [
      "ARP, Request who-has 10.0.0.5 tell 10.0.0.5, length 28",
      "ARP, Request who-has 10.0.0.5 tell 10.0.0.5, length 28",
      "ARP, Request who-has 10.0.0.5 tell 10.0.0.5, length 28",
    ].join("\n");
    expect(ids(gratuitous)).toEqual([]);
    const twoMacs = [
      "12:00:00.1 00:18:51:38:b1:cd > 8c:dc:d4:00:00:01, ethertype ARP (0x0806), length 60: Reply 10.100.10.201 is-at 00:18:51:38:b1:cd, length 46",
      "12:00:00.2 8c:dc:d4:b3:af:14 > 8c:dc:d4:00:00:01, ethertype ARP (0x0806), length 60: Reply 10.100.10.201 is-at 8c:dc:d4:b3:af:14, length 46",
    ].join("\n");
    expect(find(twoMacs, "two-macs-one-ip")).toMatchObject({ lineNumber: 2, value: 2 });
  });

  it("reports VXLAN packets that get no reply (vxlan-no-reply-underlay-drop)", () => {
    const out = (time: string) => `${time} IP 192.168.1.10.54321 > 192.168.1.20.4789: VXLAN, flags [I] (0x08), vni 1`;
    const text = [out("12:00:00.0"), out("12:00:01.0"), out("12:00:02.0")].join("\n");
    expect(find(text, "overlay-no-reply")).toMatchObject({ value: 3, lineNumber: 1 });
    expect(ids(`${text}\n12:00:02.1 IP 192.168.1.20.41000 > 192.168.1.10.4789: VXLAN, flags [I] (0x08), vni 1`)).toEqual([]);
  });

  it("reads -v output where the TCP line follows the IP header line", () => {
    const syn = (time: string) =>
      [
        `${time} IP (tos 0x0, ttl 64, id 1234, offset 0, flags [DF], proto TCP (6), length 60)`,
        `    10.0.0.1.51234 > 10.0.0.2.6379: Flags [S], cksum 0x1234 (correct), seq 1000, win 29200, ${SYN_OPTIONS}, length 0`,
      ].join("\n");
    const text = [syn("12:00:00.000000"), syn("12:00:01.001000")].join("\n");
    expect(find(text, "syn-retransmit-same-port")).toMatchObject({ lineNumber: 4, value: 2 });
  });

  it("reads tshark analysis flags", () => {
    const text = [
      "  101 1.234 10.0.0.2 → 10.0.0.1 TCP 1514 [TCP Retransmission] 80 → 51234 [ACK] Seq=1449 Ack=1 Win=509 Len=1448",
      "  102 1.235 10.0.0.1 → 10.0.0.2 TCP 66 [TCP Dup ACK 98#3] 51234 → 80 [ACK] Seq=1 Ack=1449 Win=501 Len=0",
      "  103 1.236 10.0.0.1 → 10.0.0.2 TCP 54 [TCP ZeroWindow] 51234 → 80 [ACK] Seq=1 Ack=1449 Win=0 Len=0",
    ].join("\n");
    expect(ids(text)).toEqual(["dup-acks", "small-window", "tcp-retransmission-seen"]);
    expect(ids("  102 1.235 10.0.0.1 → 10.0.0.2 TCP 66 [TCP Dup ACK 98#1] 51234 → 80 [ACK] Seq=1 Ack=1449")).toEqual([]);
  });

  it("emits nothing for other tools' output", () => {
    const mtr = "  3.|-- 10.0.0.1   35.0%   100  1.0 1.1 0.9 2.0 0.2";
    const curl = ["*   Trying 10.0.0.1...", "> GET / HTTP/1.1", "< HTTP/1.1 502 Bad Gateway"].join("\n");
    const ps = ["UID  PID  PPID  C STIME TTY  TIME CMD", "root   1     0  0 10:00 ?    00:00:02 /sbin/init"].join("\n");
    const dig = [";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1", ";; Query time: 5003 msec"].join("\n");
    const arpTable = "? (10.0.0.1) at 00:18:51:38:b1:cd [ether] on eth0";
    for (const other of [mtr, curl, ps, dig, arpTable]) expect(parse(other)).toEqual([]);
  });

  it("survives junk", () => {
    expect(parse("a > b: Flags [\n > : \n1 > 2: ICMP\nRequest who-has tell ,\n\u0000\u0001 > x:")).toEqual([]);
  });
});

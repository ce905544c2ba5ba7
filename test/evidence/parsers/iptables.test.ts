import { describe, expect, it } from "vitest";

import { iptablesParser } from "@/lib/evidence/parsers/iptables";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0, command: "iptables -t nat -S" };
const parse = (text: string) => iptablesParser.parse(text, source);
const ids = (text: string) =>
  parse(text)
    .map((s) => s.id)
    .sort();
const find = (text: string, id: string) => parse(text).find((s) => s.id === id);

describe("iptablesParser", () => {
  it("finds the sidecar REDIRECT reached from OUTPUT (iptables-sidecar-redirect-hijack)", () => {
    const text = [
      "-P PREROUTING ACCEPT",
      "-P INPUT ACCEPT",
      "-P OUTPUT ACCEPT",
      "-P POSTROUTING ACCEPT",
      "-N SIDECAR_OUTBOUND",
      "-A OUTPUT -p tcp -j SIDECAR_OUTBOUND",
      "-A SIDECAR_OUTBOUND -p tcp -d 123.56.0.0 --dport 80 -j REDIRECT --to-port 80",
    ].join("\n");
    expect(ids(text)).toEqual(["nat-redirect-rule"]);
    const signal = find(text, "nat-redirect-rule");
    expect(signal).toMatchObject({ lineNumber: 7, value: 1, parser: "iptables" });
    expect(signal?.detail).toContain("reached from OUTPUT");
  });

  it("treats kube-proxy and Docker DNAT as normal but a hand-made DNAT as a finding", () => {
    const kube = [
      "*nat",
      ":PREROUTING ACCEPT [0:0]",
      ":KUBE-SERVICES - [0:0]",
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU',
      '-A KUBE-SEP-IT2ZTR26TO4XFPTO -p udp -m comment --comment "kube-system/kube-dns:dns" -m udp -j DNAT --to-destination 10.244.0.2:53',
      "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80",
      "COMMIT",
    ].join("\n");
    expect(ids(kube)).toEqual([]);
    const handMade = "-A PREROUTING -p tcp --dport 3306 -j DNAT --to-destination 10.0.0.9:3306";
    expect(ids(handMade)).toEqual(["nat-redirect-rule"]);
    expect(ids("-A KUBE-PORTALS-CONTAINER -d 10.0.0.1/32 -p tcp -j REDIRECT --to-ports 36521")).toEqual(["nat-redirect-rule"]);
  });

  it("reads DROP rules and policies, ignoring kube-proxy's standard drops", () => {
    const text = [
      "-P INPUT DROP",
      "-P FORWARD ACCEPT",
      "-P OUTPUT ACCEPT",
      "-A INPUT -s 10.1.2.0/24 -j DROP",
      '-A KUBE-FIREWALL -m comment --comment "kubernetes firewall for dropping marked packets" -m mark --mark 0x8000/0x8000 -j DROP',
    ].join("\n");
    const signal = find(text, "filter-drop-rule");
    expect(signal).toMatchObject({ lineNumber: 1, value: 2 });
    expect(ids("-A KUBE-FIREWALL -m mark --mark 0x8000/0x8000 -j DROP")).toEqual([]);
  });

  it("does not flag Docker's own FORWARD DROP policy", () => {
    const docker = ["-P FORWARD DROP", "-A FORWARD -j DOCKER-USER", "-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP", "-A DOCKER-USER -j RETURN"].join("\n");
    expect(ids(docker)).toEqual([]);
    expect(ids("-P FORWARD DROP")).toEqual(["filter-drop-rule"]);
  });

  it("reads REJECT rules with their answer type", () => {
    const text =
      '-A KUBE-SERVICES -d 10.96.12.7/32 -p tcp -m comment --comment "default/api has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable';
    expect(find(text, "filter-reject-rule")?.detail).toContain("answering with icmp-port-unreachable");
  });

  it("reads MASQUERADE and SNAT without --random-fully", () => {
    const text = [
      "-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE",
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
      "-A POSTROUTING -s 10.0.0.0/8 -j SNAT --to-source 1.2.3.4",
    ].join("\n");
    expect(find(text, "masquerade-no-random-fully")).toMatchObject({ lineNumber: 1, value: 2 });
    expect(ids("-A KUBE-POSTROUTING -j MASQUERADE --random-fully")).toEqual([]);
  });

  it("reads iptables-save -c counters and quotes the busiest rule", () => {
    const text = [
      "*filter",
      ":INPUT ACCEPT [100:2000]",
      "[0:0] -A INPUT -s 10.0.0.5/32 -j DROP",
      "[5120:307200] -A INPUT -p udp --dport 53 -j DROP",
      "COMMIT",
    ].join("\n");
    const signal = find(text, "filter-drop-rule");
    expect(signal).toMatchObject({ lineNumber: 4, value: 2 });
    expect(signal?.detail).toContain("matched 5120 packets");
  });

  it("reads iptables -L -n -v tables", () => {
    const text = [
      "Chain INPUT (policy DROP 120 packets, 7200 bytes)",
      "num   pkts bytes target     prot opt in     out     source               destination",
      "1      12K  720K ACCEPT     all  --  lo     *       0.0.0.0/0            0.0.0.0/0",
      "2     3400  204K REJECT     tcp  --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 reject-with icmp-host-prohibited",
      "3        0     0            all  --  *      *       10.0.0.0/8           0.0.0.0/0",
      "",
      "Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)",
      " pkts bytes target     prot opt in     out     source               destination",
      "   10   600 MASQUERADE  all  --  *      !docker0  172.17.0.0/16        0.0.0.0/0",
    ].join("\n");
    expect(ids(text)).toEqual(["filter-drop-rule", "filter-reject-rule", "masquerade-no-random-fully"]);
    expect(find(text, "filter-reject-rule")).toMatchObject({ lineNumber: 4 });
    expect(find(text, "filter-reject-rule")?.detail).toContain("icmp-host-prohibited; it matched 3400 packets");
    expect(find(text, "masquerade-no-random-fully")?.lineNumber).toBe(9);
  });

  it("reads iptables -t nat -L -n without counters", () => {
    const text = [
      "Chain OUTPUT (policy ACCEPT)",
      "target     prot opt source               destination",
      "SIDECAR_OUTBOUND  tcp  --  0.0.0.0/0            0.0.0.0/0",
      "",
      "Chain SIDECAR_OUTBOUND (1 references)",
      "target     prot opt source               destination",
      "REDIRECT   tcp  --  0.0.0.0/0            123.56.0.0           tcp dpt:80 redir ports 80",
      "MASQUERADE  all  --  0.0.0.0/0            0.0.0.0/0            random-fully",
    ].join("\n");
    expect(ids(text)).toEqual(["nat-redirect-rule"]);
    expect(find(text, "nat-redirect-rule")?.detail).toContain("reached from OUTPUT");
  });

  it("emits nothing for other tools' output", () => {
    const ps = ["UID  PID  PPID  C STIME TTY  TIME CMD", "root   1     0  0 10:00 ?    00:00:02 /sbin/init"].join("\n");
    const dig = [";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1", ";; SERVER: 10.0.0.2#53(10.0.0.2)"].join("\n");
    const prose = "We added -A INPUT rules last week and the DROP policy was removed.";
    const commands = ["iptables -t nat -A OUTPUT -p tcp -j SIDECAR_OUTBOUND", "iptables -P INPUT DROP"].join("\n");
    for (const other of [ps, dig, prose, commands]) expect(parse(other)).toEqual([]);
  });

  it("survives junk", () => {
    expect(parse("-A\n-A X -j\nChain ( \ntarget prot opt\n  x y z\n\u0000")).toEqual([]);
  });
});

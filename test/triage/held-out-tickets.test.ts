import { describe, expect, it } from "vitest";

import { diagnose } from "@/lib/triage/diagnose";

import { knowledge } from "./case-fixtures";

// Tickets written in the style of new support requests (English and Chinese, with and without
// pasted output), not taken from the case library; each names the cause an engineer would conclude.
const TICKETS: [string, string, { command?: string; text: string }[]][] = [
  [
    "accept-queue-overflow",
    "Java service behind nginx: under peak traffic new connections hang for 1-3 s, some fail. The app threads look busy.",
    [{ command: "ss -lnt", text: "State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 129    128    0.0.0.0:8080       0.0.0.0:*" }],
  ],
  [
    "conntrack-table-full",
    "服务器上大量新连接失败，dmesg 里有报错",
    [{ text: "[1234.5] nf_conntrack: nf_conntrack: table full, dropping packet\n[1234.6] nf_conntrack: nf_conntrack: table full, dropping packet" }],
  ],
  [
    "time-wait-port-exhaustion",
    "Our crawler opens many short HTTP connections to one API; after a while connect() fails with Cannot assign requested address.",
    [],
  ],
  ["fd-limit-exhausted", "nginx error log shows accept4() failed (24: Too many open files) and clients get connection resets", []],
  ["mtu-mismatch", "New site-to-site VPN: ssh login works, ping works, but scp of large files and HTTPS downloads hang forever.", []],
  [
    "isp-routing-loss",
    "Only users on China Unicom in Guangdong complain about slow page loads and timeouts; other carriers fine.",
    [
      {
        command: "mtr -r -c 100 1.2.3.4",
        text: "HOST: client              Loss%   Snt   Last   Avg  Best  Wrst StDev\n  1.|-- 192.168.1.1          0.0%   100    1.0   1.1   0.9   2.0   0.2\n  2.|-- 10.10.0.1            0.0%   100    5.0   5.1   4.9   6.0   0.2\n  3.|-- 221.4.1.1           22.0%   100   40.0  41.1  39.9  50.0   1.2\n  4.|-- 221.4.2.2           24.0%   100   42.0  43.1  41.9  55.0   1.2\n  5.|-- 1.2.3.4             23.0%   100   45.0  45.1  44.9  60.0   1.2",
      },
    ],
  ],
  [
    "keepalive-timeout-mismatch",
    "We see sporadic 502 errors from AWS ALB in front of our Node.js API, about 0.1% of requests, with no errors in app logs.",
    [],
  ],
  ["close-wait-leak", "应用服务器上有几千个 CLOSE_WAIT 连接，重启后恢复，过几天又出现", []],
  [
    "firewall-reject",
    "telnet to port 5432 returns immediately: No route to host, but ping to the host works and postgres is running.",
    [{ command: "iptables -S", text: "-P INPUT ACCEPT\n-A INPUT -p tcp --dport 5432 -j REJECT --reject-with icmp-host-prohibited" }],
  ],
  ["dns-resolution-failure", "After the VPN client was installed, nslookup fails for internal names; ipconfig /all shows DNS server 127.0.0.1", []],
  [
    "softirq-cpu-imbalance",
    "Gateway throughput drops; top shows CPU0 at 100% si while other cores idle.",
    [
      {
        command: "mpstat -P ALL 1 1",
        text: "Average:     CPU    %usr   %nice    %sys %iowait    %irq   %soft  %steal  %guest  %gnice   %idle\nAverage:     all    2.00    0.00    3.00    0.00    0.00   13.00    0.00    0.00    0.00   82.00\nAverage:       0    1.00    0.00    2.00    0.00    0.00   96.00    0.00    0.00    0.00    1.00\nAverage:       1    2.00    0.00    3.00    0.00    0.00    1.00    0.00    0.00    0.00   94.00\nAverage:       2    2.00    0.00    3.00    0.00    0.00    1.00    0.00    0.00    0.00   94.00\nAverage:       3    2.00    0.00    3.00    0.00    0.00    2.00    0.00    0.00    0.00   93.00",
      },
    ],
  ],
  ["ip-address-conflict", "一台服务器间歇性连不上，交换机上看到同一个IP对应两个MAC地址", []],
  [
    "syn-queue-overflow",
    "During a flash sale, clients time out connecting; dmesg shows possible SYN flooding",
    [{ text: "TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.  Check SNMP counters." }],
  ],
  ["stale-dns-upstream", "After the backend ELB was scaled, our nginx keeps sending traffic to old IPs and returns 502 until we reload it.", []],
  [
    "nic-or-link-down",
    "After moving the rack, the server has no network at all",
    [{ command: "ip link", text: "2: eth0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc mq state DOWN mode DEFAULT group default qlen 1000" }],
  ],
];

describe("diagnose on tickets outside the case library", () => {
  it("ranks the expected cause in the top 3 of every ticket", () => {
    let top1 = 0;
    const misses: string[] = [];
    for (const [expected, description, outputs] of TICKETS) {
      const ids = diagnose({ description, outputs }, knowledge).rootCauses.map((c) => c.id as string);
      const position = ids.indexOf(expected);
      if (position === 0) top1++;
      if (position < 0 || position > 2) misses.push(`${expected}: got ${ids.slice(0, 3).join(", ")}`);
    }
    console.log(`held-out tickets: ${TICKETS.length}, top-1 ${top1}, top-3 ${TICKETS.length - misses.length}`);
    expect(misses).toEqual([]);
  });
});

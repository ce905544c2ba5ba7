import { describe, expect, it } from "vitest";

import { boundLines, extractEvidence } from "@/lib/evidence/extract";
import { PARSERS } from "@/lib/evidence/parsers";

const SMALL = 50 * 1024;
const LARGE = 5 * 1024 * 1024;
/** LARGE is 100x SMALL: a linear parser takes about 100x as long; 150x leaves room for GC. */
const MAX_RATIO = 150;
const SLACK_MS = 200;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lines from `next` until `size` characters. */
function fill(size: number, next: (index: number) => string): string {
  const lines: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const line = next(index);
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n").slice(0, size);
}

/** Realistic lines of every tool the parsers read, mixed. */
const TOOL_LINES = [
  "[root@web-01 ~]# netstat -s",
  "    1204 times the listen queue of a socket overflowed",
  "    3631812 SYNs to LISTEN sockets dropped",
  "    3631476 passive connections rejected because of time stamp",
  "    4567 segments retransmitted",
  "    340 receive buffer errors",
  "    TCPTimeWaitOverflow: 7",
  "TcpExtListenOverflows           1204               0.0",
  "TcpExt: SyncookiesSent SyncookiesRecv ListenOverflows ListenDrops",
  "TcpExt: 0 0 88 90",
  "State      Recv-Q Send-Q Local Address:Port               Peer Address:Port",
  'LISTEN     129    128          0.0.0.0:8080                     0.0.0.0:*     users:(("java",pid=4321,fd=99))',
  "TCP:   31234 (estab 100, closed 30000, orphaned 0, synrecv 0, timewait 30000/0), ports 0",
  "tcp        1      0 10.0.0.5:9000           10.0.1.7:40000       CLOSE_WAIT  4321/app",
  "TIME-WAIT  0      0      10.0.0.5:43210    10.0.0.2:3306",
  "TIME_WAIT 30000",
  "$ netstat -tunp | grep CLOSE_WAIT | wc -l",
  "cpu=0   \tfound=0 invalid=12 ignore=0 insert=0 insert_failed=8 drop=8 early_drop=0 error=0 search_restart=0",
  "net.netfilter.nf_conntrack_count = 262100",
  "[598346.499872] WARNING: at net/sched/sch_generic.c:297 dev_watchdog+0x270/0x280()",
  "[598346.499873] NETDEV WATCHDOG: ens2f0 (ixgbe): transmit queue 28 timed out",
  "[598346.499928] CPU: 10 PID: 123 Comm: migration/10 Tainted: G L ------------ T 3.10.0-327.22.2.el7.x86_64#1",
  "Nov 18 10:00:01 web kernel: nf_conntrack: table full, dropping packet",
  "Nov 18 10:00:01 web kernel: TCP: request_sock_TCP: Possible SYN flooding on port 8080. Sending cookies.",
  "net.ipv4.tcp_tw_recycle = 1",
  "net.ipv4.ip_local_port_range = 32768\t60999",
  "open files                      (-n) 1024",
  "Max open files            1024                 4096                 files",
  "2024/11/18 10:00:01 [alert] 1234#0: *99 accept4() failed (24: Too many open files)",
  "*   Trying 172.1.51.93...",
  "* connect to 172.1.51.93 port 80 failed: Connection refused",
  "< HTTP/1.1 502 Bad Gateway",
  "0.004::0.005::5.120::5.121::1024.000",
  "nc: connect to 172.31.9.182 port 6379 (tcp) failed: Connection timed out",
  "telnet: Unable to connect to remote host: Connection refused",
  ";; ANSWER SECTION:",
  "google.com.\t\t300\tIN\tA\t142.250.72.14",
  ";; connection timed out; no servers could be reached",
  "nameserver 127.0.0.53",
  "9.|-- 202.96.13.117      52.0% 100 3.8 5.6 3.5 7.6 1.0",
  " 5  * * *",
  "     rx_missed_errors: 5120",
  "     rx_queue_0_packets: 9000000",
  "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1350 qdisc mq state UP mode DEFAULT group default qlen 1000",
  "    RX:  bytes packets errors dropped  missed   mcast",
  "    9876543210 12345678     0    4096       0       0",
  "6d1de8a4 00000010 0000000a 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000",
  " 45:   98765432          0          0          0   PCI-MSI-edge      eth0-TxRx-0",
  "10:00:02 AM    0    1.00    0.00    1.00    0.00    0.00   98.00    0.00    0.00    0.00    0.00",
  "%Cpu0  :  1.0 us,  2.0 sy,  0.0 ni,  0.0 id,  0.0 wa,  0.0 hi, 97.0 si,  0.0 st",
  "-A OUTPUT -p tcp -j SIDECAR_OUTBOUND",
  "-A SIDECAR_OUTBOUND -d 123.56.0.0/32 -p tcp -m tcp --dport 80 -j REDIRECT --to-ports 80",
  "-A POSTROUTING -s 10.244.0.0/16 -j MASQUERADE",
  "20:31:36.424279 IP 10.0.0.1.46690 > 10.0.0.2.8056: Flags [S], seq 3791054471, win 14600, options [mss 1460], length 0",
  "20:31:36.424350 IP 10.0.0.2.8056 > 10.0.0.1.46690: Flags [R.], seq 0, ack 3791054472, win 0, length 0",
  "2017/08/14 13:25:49 [error] 11020#0: *182655034 no live upstreams while connecting to upstream, client: 172.31.1.12",
  '2017-08-14T13:25:49+00:00 172.31.133.151 apineo.llsapp.com "0.000" GET /api/v1/cc/mine? HTTP/1.1 502 "neo-cc"',
  " 71.35    3.234567          32    100000     12345 futex",
  '[pid  4321] recvfrom(3, "\\x01\\x02"..., 1024, 0, {sa_family=AF_INET, sin_port=htons(53)}, [16]) = 1024',
  "  21.40%  [kernel]            [k] __inet_check_established",
  "goroutine 2 [semacquire, 5 minutes]:",
  "客户端偶尔连接超时, connection timed out after 5 seconds, 经过 NAT 网关",
];

const CHINESE_WORDS = ["连接", "超时", "服务器", "丢包", "网络", "偶发", "重置", "负载均衡", "容器", "端口"];
const ASCII_WORDS = ["timeout", "eth0", "502", "TIME_WAIT", "10.0.0.5:8080", "=", "(-n)", "%", "cpu=0", "[k]"];

const INPUTS: { name: string; build: (size: number) => string }[] = [
  {
    name: "random bytes",
    build: (size) => {
      const next = random(1);
      return Buffer.from(Uint8Array.from({ length: size }, () => Math.floor(next() * 256))).toString("latin1");
    },
  },
  {
    name: "one 4000-character line of 'a' and digits, repeated",
    build: (size) => {
      const line = `${"a".repeat(30)}0123456789`.repeat(100);
      return fill(size, () => line);
    },
  },
  { name: "realistic lines of every tool, mixed", build: (size) => fill(size, (index) => TOOL_LINES[index % TOOL_LINES.length]) },
  {
    name: "mixed Chinese and ASCII text",
    build: (size) => {
      const next = random(2);
      const word = () => (next() < 0.5 ? CHINESE_WORDS : ASCII_WORDS)[Math.floor(next() * 10)];
      return fill(size, () => Array.from({ length: 12 }, word).join(" "));
    },
  },
];

const cache = new Map<string, string>();
function input(name: string, size: number): string {
  const key = `${name}|${size}`;
  if (!cache.has(key)) cache.set(key, boundLines(INPUTS.find((entry) => entry.name === name)!.build(size)));
  return cache.get(key)!;
}

function elapsed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Times `run` on the small and the large input (after a warm-up; the small time is a median of 3). */
function expectLinear(name: string, run: (text: string) => unknown): void {
  const small = input(name, SMALL);
  const large = input(name, LARGE);
  run(small);
  const smallMs = [elapsed(() => run(small)), elapsed(() => run(small)), elapsed(() => run(small))].sort((a, b) => a - b)[1];
  const largeMs = elapsed(() => run(large));
  expect(largeMs, `${largeMs.toFixed(0)} ms for 5 MB vs ${smallMs.toFixed(2)} ms for 50 KB`).toBeLessThan(MAX_RATIO * smallMs + SLACK_MS);
}

const INPUT_NAMES = INPUTS.map((entry) => entry.name);

describe.each(PARSERS.map((parser) => [parser.id, parser] as const))("parser %s", (_id, parser) => {
  it.each(INPUT_NAMES)("reads 5 MB of %s in linear time without throwing", (name) => {
    expectLinear(name, (text) => parser.parse(text, { kind: "output", index: 0 }));
  });
});

/** The whole pipeline (ticket-text extractor plus every parser) takes seconds on 5 MB. */
const PIPELINE_TIMEOUT_MS = 120_000;

describe("extractEvidence", () => {
  it.each(INPUT_NAMES)(
    "reads 5 MB of %s in linear time without throwing",
    (name) => {
      expectLinear(name, (text) => extractEvidence({ description: text }));
    },
    PIPELINE_TIMEOUT_MS,
  );
});

import { describe, expect, it } from "vitest";

import { stracePerfParser } from "@/lib/evidence/parsers/strace-perf";
import type { EvidenceSource } from "@/lib/evidence/signal";

const source: EvidenceSource = { kind: "output", index: 0 };
const parse = (text: string) => stracePerfParser.parse(text, source);
const summary = (text: string) => parse(text).map((s) => [s.id, s.value, s.lineNumber]);

const STRACE_C = `$ strace -c -f -p 4321
strace: Process 4321 attached with 12 threads
^Cstrace: Process 4321 detached
% time     seconds  usecs/call     calls    errors syscall
------ ----------- ----------- --------- --------- ----------------
 71.35    3.234567          32    100000     12345 futex
 20.00    0.906000           9    100000           pselect6
  8.65    0.392000           3    120000           write
------ ----------- ----------- --------- --------- ----------------
100.00    4.532567                320000     12345 total`;

describe("stracePerfParser", () => {
  it("reports futex dominating a strace -c summary (the Go UDP lock case)", () => {
    const signals = parse(STRACE_C);
    expect(signals).toEqual([
      expect.objectContaining({
        id: "futex-dominant",
        value: 71.35,
        lineNumber: 6,
        line: "71.35    3.234567          32    100000     12345 futex",
        parser: "strace-perf",
      }),
    ]);
  });

  it("does not report futex at a minor share", () => {
    expect(parse(STRACE_C.replace(" 71.35", " 21.35"))).toEqual([]);
  });

  it("reports UDP reads capped at the buffer size", () => {
    const reads = Array.from(
      { length: 6 },
      (_, i) =>
        `[pid  4321] recvfrom(3, "\\x01\\x02\\"quoted\\", more"..., 1024, 0, {sa_family=AF_INET, sin_port=htons(${5000 + i}), sin_addr=inet_addr("10.0.0.9")}, [112->16]) = 1024`,
    ).join("\n");
    const signals = parse(reads);
    expect(signals).toEqual([expect.objectContaining({ id: "read-truncated", value: 1024, lineNumber: 1 })]);
    expect(signals[0].detail).toBe("6 of 6 recvfrom() calls on datagram fd 3 filled the 1024-byte buffer exactly");
  });

  it("reads read() on a socket traced as SOCK_DGRAM, and recvmsg MSG_TRUNC", () => {
    const reads = Array.from({ length: 5 }, () => 'read(7, "abcdefgh"..., 512) = 512').join("\n");
    expect(summary(`socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 7\n${reads}`)).toEqual([["read-truncated", 512, 2]]);
    const recvmsg =
      'recvmsg(5, {msg_name={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, msg_namelen=16, msg_iov=[{iov_base="..."..., iov_len=512}], msg_iovlen=1, msg_controllen=0, msg_flags=MSG_TRUNC}, 0) = 512';
    expect(summary(recvmsg)).toEqual([["read-truncated", 1, 1]]);
  });

  it("does not call full TCP stream reads truncated", () => {
    const tcp = Array.from({ length: 10 }, () => 'read(9, "HTTP/1.1 200 OK\\r\\n"..., 4096) = 4096').join("\n");
    expect(parse(tcp)).toEqual([]);
    const tcpRecvfrom = Array.from({ length: 10 }, () => 'recvfrom(9, "data"..., 4096, 0, NULL, NULL) = 4096').join("\n");
    expect(parse(tcpRecvfrom)).toEqual([]);
    const short = Array.from({ length: 10 }, () => 'recvfrom(3, "x"..., 1024, 0, {sa_family=AF_INET}, [16]) = 300').join("\n");
    expect(parse(short)).toEqual([]);
  });

  it("reports hot connect and listener lookups in perf output", () => {
    const text = `Samples: 12K of event 'cycles', Event count (approx.): 987654321
Overhead  Shared Object       Symbol
  38.21%  [kernel]            [k] _raw_spin_lock
  21.40%  [kernel]            [k] __inet_check_established
   9.10%  [kernel]            [k] __inet_lookup_listener
   0.80%  [kernel]            [k] inet_hash_connect`;
    expect(summary(text)).toEqual([
      ["spinlock-hot", 38.21, 3],
      ["inet-hash-connect-hot", 21.4, 4],
      ["inet-lookup-listener-hot", 9.1, 5],
    ]);
  });

  it("ignores these functions at a small share", () => {
    expect(parse("   0.80%  [kernel]  [k] __inet_lookup_listener\n [<ffffffff8155a0c0>] inet_hash_connect+0x50/0x60")).toEqual([]);
  });

  it("reports many goroutines waiting in one state (debug=2 dump)", () => {
    const dump = [
      "goroutine 1 [running]:",
      "main.main()",
      ...Array.from({ length: 150 }, (_, i) => `goroutine ${i + 2} [semacquire, 5 minutes]:\nsync.runtime_SemacquireMutex(0xc000123456, 0x0, 0x1)`),
      "goroutine 999 [IO wait]:",
    ].join("\n");
    const signals = parse(dump);
    expect(signals).toEqual([expect.objectContaining({ id: "goroutines-blocked", value: 150, lineNumber: 3, line: "goroutine 2 [semacquire, 5 minutes]:" })]);
    expect(signals[0].detail).toBe("150 of 152 goroutines wait in [semacquire]");
  });

  it("reports a large identical-stack group of a debug=1 profile (the redigo pool case)", () => {
    const text = `goroutine profile: total 1400000
1000000 @ 0x43a2c5 0x44b1a2 0x6f0e4d 0x6f1a2b
#	0x6f0e4c	github.com/gomodule/redigo/redis.(*Pool).Get+0x4c	/go/pkg/mod/redigo/redis/pool.go:188

399000 @ 0x43a2c5 0x4332aa
#	0x4332a9	internal/poll.runtime_pollWait+0x89`;
    expect(summary(text)).toEqual([["goroutines-blocked", 1000000, 2]]);
  });

  it("does not report a small or mixed goroutine dump", () => {
    const mixed = ["goroutine 1 [running]:", ...Array.from({ length: 60 }, (_, i) => `goroutine ${i + 2} [${i % 2 ? "select" : "IO wait"}]:`)].join("\n");
    expect(parse(mixed)).toEqual([]);
  });

  it("keeps quiet on other tools' output and junk", () => {
    expect(parse(";; ANSWER SECTION:\ngoogle.com.\t300\tIN\tA\t142.250.72.14")).toEqual([]);
    expect(parse("UID PID PPID C STIME TTY TIME CMD\nroot 1 0 0 Nov21 ? 00:00:03 /sbin/init")).toEqual([]);
    expect(parse('% time\n12.0 x\nrecvfrom(3, "unterminated\nread(3, \nrecvfrom(\u0000')).toEqual([]);
  });
});

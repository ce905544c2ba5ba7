// The inputs `npm run bench:triage` times: a typical ticket, 1 MB and 5 MB pasted outputs, and the
// adversarial shapes of about 5 MB. bench/evidence-snapshot.ts reads them too.
import type { DiagnoseInput } from "../lib/triage/diagnose-schema";

export const TYPICAL: DiagnoseInput = {
  description: "Since Monday some clients behind our office NAT time out connecting to the API on 8080; others are fine. 部分客户端连接超时。",
  outputs: [
    {
      command: "netstat -s",
      text: "    3631812 SYNs to LISTEN sockets dropped\n    3631476 passive connections rejected because of time stamp\n    120 times the listen queue of a socket overflowed",
    },
    { command: "sysctl net.ipv4.tcp_tw_recycle", text: "net.ipv4.tcp_tw_recycle = 1" },
  ],
};

// Lines of the tools engineers paste, mixed, so every parser does real work.
const SAMPLE_LINES = [
  "12:00:01.000001 IP 10.0.0.2.51000 > 10.0.0.9.8080: Flags [S], seq 1000, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0",
  "[Sun Nov 22 10:00:00 2026] nf_conntrack: table full, dropping packet",
  "    3631812 SYNs to LISTEN sockets dropped",
  "tcp        0      0 10.0.0.9:8080          10.0.0.2:51000         CLOSE_WAIT  1234/app",
  "2026/11/22 10:00:00 [error] 7#0: *1 no live upstreams while connecting to upstream, client: 1.2.3.4",
  "  3.|-- 10.0.0.1                  35.0%   100    1.2   1.3   1.1   2.0   0.2",
  "net.ipv4.tcp_tw_recycle = 1",
  "cpu=0 found=0 invalid=12 ignore=0 insert=0 insert_failed=8 drop=8 early_drop=0 error=0 search_restart=0",
  "random application log line with id=12345 and nothing telling",
  "中文日志：连接超时，请检查网络",
];

function pastedOutput(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = SAMPLE_LINES[i % SAMPLE_LINES.length];
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join("\n");
}

export const MB = 1024 * 1024;
const LOG_LINE = "2026-11-22T10:00:00Z app[123]: upstream timed out (110: Connection timed out) while reading response header from upstream";

/** Deterministic random bytes (a binary file pasted as text): any byte value, a newline about every 100. */
function randomText(bytes: number): string {
  let state = 2463534242;
  const chars = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const value = state >>> 0;
    chars[i] = value % 100 === 0 ? 10 : value % 256;
  }
  return chars.toString("latin1");
}

const withOutputs = (outputs: { text: string }[]): DiagnoseInput => ({ description: TYPICAL.description, outputs });

/** Each shape, and how many runs its median is taken over. */
export const BENCH_SHAPES: { name: string; input: () => DiagnoseInput; runs: number }[] = [
  { name: "typical ticket", input: () => TYPICAL, runs: 300 },
  { name: "1 MB output", input: () => withOutputs([{ text: pastedOutput(MB) }]), runs: 15 },
  { name: "5 MB output", input: () => withOutputs([{ text: pastedOutput(5 * MB) }]), runs: 7 },
  { name: "only newlines", input: () => withOutputs([{ text: "\n".repeat(5 * MB) }]), runs: 3 },
  { name: "one 5 MB line", input: () => withOutputs([{ text: "a".repeat(5 * MB) }]), runs: 7 },
  { name: "random bytes", input: () => withOutputs([{ text: randomText(5 * MB) }]), runs: 7 },
  { name: "one log line x", input: () => withOutputs([{ text: `${LOG_LINE}\n`.repeat(Math.floor((5 * MB) / (LOG_LINE.length + 1))) }]), runs: 5 },
  { name: "100 x 50 KB", input: () => withOutputs(Array.from({ length: 100 }, (_, i) => ({ text: pastedOutput(50 * 1024 + i) }))), runs: 5 },
];

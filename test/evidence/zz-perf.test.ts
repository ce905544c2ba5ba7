import { it } from "vitest";
import { curlParser } from "@/lib/evidence/parsers/curl";
import { connectToolsParser } from "@/lib/evidence/parsers/connect-tools";
import { dnsToolsParser } from "@/lib/evidence/parsers/dns-tools";
import { pathTraceParser } from "@/lib/evidence/parsers/path-trace";
import { iptablesParser } from "@/lib/evidence/parsers/iptables";
import { tcpdumpParser } from "@/lib/evidence/parsers/tcpdump";
import { proxyLogParser } from "@/lib/evidence/parsers/proxy-log";
import { extractTextSignals } from "@/lib/evidence/text";

const parsers = [curlParser, connectToolsParser, dnsToolsParser, pathTraceParser, iptablesParser, tcpdumpParser, proxyLogParser];
const src = { kind: "output", index: 0 } as const;
const MB5 = 5_000_000;
function repeatLine(unit: string) {
  const line = unit.repeat(Math.ceil(4096 / unit.length)).slice(0, 4096);
  return Array.from({ length: Math.ceil(MB5 / 4097) }, () => line).join("\n");
}
const inputs: Record<string, string> = {
  binary: Array.from({ length: MB5 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(""),
  a: repeatLine("a"),
  spaces: repeatLine(" "),
  options: repeatLine("options ["),
  whohas: repeatLine("Request who-has x ("),
  arping: repeatLine("arping "),
  dial: repeatLine("dial tcp "),
  lookup: repeatLine("lookup x on y: read udp "),
  http: repeatLine("GET / HTTP/1.1 "),
  mtr: repeatLine("1.|-- 1 "),
  arrow: repeatLine("a > b: "),
  flags: repeatLine("x.1 > y.2: Flags [S], seq 1, "),
  digits: repeatLine("1:2:3 "),
  numbers: repeatLine("1 2 "),
  mac: repeatLine("00:11:22:33:44:55 "),
  ip: repeatLine("10.0.0.1 "),
  timing: repeatLine("0.1::"),
  star: repeatLine("* "),
  slash: repeatLine("0/0/0/0/0 "),
  quote: repeatLine('"GET '),
  keyword: repeatLine("timeout not no 502 CLOSE_WAIT many "),
  zh: repeatLine("没有超时大量部分"),
  vpc: repeatLine("in VPC a "),
  tools: repeatLine("ping telnet but "),
  looks: repeatLine("looks fine yet "),
  paren: repeatLine("hostLookupOrder("),
  lines: Array.from({ length: 200_000 }, (_, i) => `12:00:${String(i % 60).padStart(2, "0")}.000 IP 10.0.${i % 250}.1.${i} > 10.0.0.2.80: Flags [S], seq ${i}, win 1, options [mss 1460], length 0`).join("\n"),
};
it("timing", () => {
  for (const [name, text] of Object.entries(inputs)) {
    const row: string[] = [];
    for (const p of parsers) {
      const t = performance.now();
      p.parse(text, src);
      row.push(`${p.id}=${Math.round(performance.now() - t)}`);
    }
    const t = performance.now();
    extractTextSignals(text, { kind: "description" });
    row.push(`text=${Math.round(performance.now() - t)}`);
    console.log(name.padEnd(8), row.join(" "));
  }
}, 600_000);

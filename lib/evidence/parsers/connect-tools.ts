import { countSuffix, Findings } from "../findings";
import { defineParser } from "../line-parser";
import { type EvidenceSource, type LineReader } from "../signal";
import type { SignalId } from "../vocabulary";

const PARSER_ID = "connect-tools";

/**
 * A ping is "large" from 1000 bytes of payload: default pings are 32-64 bytes, and every common
 * reduced path MTU (PPPoE 1492, VXLAN 1450, IPsec ~1400, 1350 overlays) sits above 1000, so a
 * failure that starts only beyond it points at size, not reachability.
 */
const LARGE_PING_BYTES = 1000;

/** nc, telnet, ping and arping print short lines; longer ones are other logs and are not read as such. */
const MAX_TOOL_LINE = 300;

const DETAILS: Partial<Record<SignalId, string>> = {
  "conn-refused": "the connect was refused (RST answer to the SYN)",
  "conn-timeout": "the connect timed out (no answer to the SYN)",
  "no-route-to-host": "no route to host / host unreachable",
  "cannot-assign-address": "no local address/port could be assigned (EADDRNOTAVAIL)",
  "connect-ok": "the tool connected",
  "ping-ok": "ping got replies",
  "icmp-admin-prohibited": "an ICMP 'administratively prohibited' answer (a firewall rejects the traffic)",
};

// ---- TCP connect tools: nc, ncat, busybox nc, telnet, redis-cli, mysql, Go and Java errors ----

/** The failure an errno message names, for messages already known to come from a connect. */
function classifyConnectError(message: string): SignalId | undefined {
  if (/connection refused|ECONNREFUSED/i.test(message)) return "conn-refused";
  if (/no route to host|host is unreachable|network is unreachable|EHOSTUNREACH|ENETUNREACH/i.test(message)) return "no-route-to-host";
  if (/cannot assign requested address|EADDRNOTAVAIL/i.test(message)) return "cannot-assign-address";
  if (/timed out|\btimeout\b|ETIMEDOUT/i.test(message)) return "conn-timeout";
  return undefined;
}

const MYSQL_ERRNO: Record<string, SignalId> = { "110": "conn-timeout", "111": "conn-refused", "113": "no-route-to-host" };

/** Messages whose tail is a connect errno, by tool. */
const CONNECT_FAILURES: readonly RegExp[] = [
  /^nc: connectx? to \S+ port \d+ \(\w+\) ((?:failed|timed out): .+)$/, // OpenBSD / macOS nc
  /^\S+ \[[\da-fA-F.:]+\] \d+ \([^)]*\) ?: (.+)$/, // netcat-traditional
  /^nc: (?:can't connect to remote host \([^)]*\)|\S+ \([^)]*\)): (.+)$/, // busybox nc
  /^Ncat: (.+)$/,
  /^telnet: (?:Unable to connect to remote host|connect to address \S+): (.+)$/,
  /^Could not connect to Redis at \S+: (.+)$/,
];
const JAVA_CONNECT_FAILURES: readonly RegExp[] = [
  /^java\.net\.(?:ConnectException|NoRouteToHostException): (.+)$/,
  /^java\.net\.SocketTimeoutException: (connect timed out)/,
];

const NODE_CONNECT_ERROR = /\bconnect (E[A-Z]{4,15}) [\w.:[\]-]{1,80}/;

const CONNECT_SUCCESSES: readonly RegExp[] = [
  /^Connection to \S+ (?:port )?\d+ (?:port )?\[[^\]]*\] succeeded!$/, // OpenBSD / macOS nc
  /^\S+ \[[\da-fA-F.:]+\] \d+ \([^)]*\) open$/, // netcat-traditional
  /^\S+ \([^)]*:\d+\) open$/, // busybox nc
  /^Ncat: Connected to /,
  /^Connected to [^\s]+?\.?$/, // telnet
];

/** The errno text of a tool's connect failure; tool lines are short, application errors may be long. */
function connectFailureTail(line: string): string | undefined {
  if (line.length <= MAX_TOOL_LINE) {
    for (const pattern of CONNECT_FAILURES) {
      const match = pattern.exec(line);
      if (match) return match[1];
    }
  }
  const java = line.indexOf("java.net.");
  if (java >= 0) return JAVA_CONNECT_FAILURES.map((pattern) => pattern.exec(line.slice(java))?.[1]).find(Boolean);
  const goDial = line.indexOf("dial tcp ");
  if (goDial >= 0) return line.slice(goDial);
  // Node.js: "Error: connect EADDRNOTAVAIL 10.30.1.50:443 - Local (0.0.0.0:0)".
  return NODE_CONNECT_ERROR.exec(line)?.[1];
}

function readConnectLine(line: string, lineNumber: number, findings: Findings): boolean {
  if (line.length <= MAX_TOOL_LINE && CONNECT_SUCCESSES.some((pattern) => pattern.test(line))) {
    findings.add("connect-ok", line, lineNumber);
    return true;
  }
  const mysql = /^ERROR 2003 \(HY000\): Can't connect to MySQL server on '[^']*' \((\d+)\)/.exec(line);
  const message = connectFailureTail(line);
  const id = mysql ? MYSQL_ERRNO[mysql[1]] : message === undefined ? undefined : classifyConnectError(message);
  if (!id) return false;
  findings.add(id, line, lineNumber);
  return true;
}

// ---- ping (iputils, busybox, macOS, Windows in English and Chinese) ----------------------------

type PingRun = { size?: number; replies: number; failed?: { line: string; lineNumber: number } };

const PING_HEADERS: readonly RegExp[] = [
  /^PING \S.* (\d+)(?:\(\d+\))? (?:bytes of data|data bytes)/, // iputils, busybox, macOS
  /^Pinging \S+ (?:\[[^\]]+\] )?with (\d+) bytes of data/, // Windows
  /^正在 Ping \S+ (?:\[[^\]]+\] )?具有 (\d+) 字节的数据/, // Windows, Chinese
];
const isUnixReply = (line: string) => /^\d+ bytes from /.test(line) && line.includes("seq=") && /\btime[=<]/.test(line);
const PING_REPLIES: readonly RegExp[] = [/^Reply from \S+: bytes[=<]\d+ time[=<]/, /^来自 \S+ 的回复[:：] ?字节=\d+/];
/** The run summary: "3 packets transmitted, 0 received", "Received = 0", "已接收 = 0". */
const PING_SUMMARIES: readonly RegExp[] = [
  /^\d+ packets transmitted, (\d+) (?:packets )?received/,
  /^Packets: Sent = \d+, Received = (\d+)/,
  /^数据包: 已发送 = \d+[，,]\s*已接收 = (\d+)/,
];
/** A probe that got no answer. */
const PING_LOSSES: readonly RegExp[] = [/^Request timed out\.?$/, /^Request timeout for icmp_seq \d+/, /^请求超时。?$/];
const FRAG_NEEDED: readonly RegExp[] = [
  /frag(?:mentation)? needed and DF set \((?:mtu = |MTU )(\d+)\)/i,
  /message too long(?:, mtu=(\d+))?/i,
  /^Packet needs to be fragmented but DF set/,
  /^需要拆分数据包但是设置 DF/,
];
/** One cheap scan before the detailed failure patterns: every one of them contains one of these. */
const PING_FAILURE_HINT = /needed|too long|fragmented|拆分|Destination|Packet filtered|prohibited|无法访问|Request time|请求超时/i;
const UNREACHABLE: readonly RegExp[] = [/Destination (?:Host|Net) Unreachable/i, /无法访问目标(?:主机|网)/];
const PROHIBITED: readonly RegExp[] = [/Destination (?:Host|Net) Prohibited/i, /Packet filtered/, /Communication administratively prohibited/i];

class PingReader {
  private readonly runs: PingRun[] = [];
  private current: PingRun | undefined;
  private firstReply: { line: string; lineNumber: number } | undefined;

  /** Returns true when the line belonged to a ping. */
  read(line: string, lineNumber: number, findings: Findings): boolean {
    const header = PING_HEADERS.map((pattern) => pattern.exec(line)).find(Boolean);
    if (header) {
      this.current = { size: Number(header[1]), replies: 0 };
      this.runs.push(this.current);
      return true;
    }
    if (isUnixReply(line) || PING_REPLIES.some((pattern) => pattern.test(line))) {
      this.run().replies += 1;
      this.firstReply ??= { line, lineNumber };
      return true;
    }
    const summary = PING_SUMMARIES.map((pattern) => pattern.exec(line)).find(Boolean);
    if (summary) {
      this.readSummary(Number(summary[1]), line, lineNumber);
      return true;
    }
    const failure = this.readFailure(line, lineNumber, findings);
    if (failure) this.run().failed ??= { line, lineNumber };
    return failure;
  }

  private readFailure(line: string, lineNumber: number, findings: Findings): boolean {
    if (!PING_FAILURE_HINT.test(line)) return false;
    const frag = FRAG_NEEDED.map((pattern) => pattern.exec(line)).find(Boolean);
    if (frag) {
      const mtu = frag[1] ? Number(frag[1]) : undefined;
      findings.add("frag-needed", line, lineNumber, {
        value: mtu,
        detail: mtu ? `a packet larger than the path MTU of ${mtu} was refused with DF set` : "a packet larger than the path MTU was refused with DF set",
      });
      return true;
    }
    if (PROHIBITED.some((pattern) => pattern.test(line))) {
      findings.add("icmp-admin-prohibited", line, lineNumber);
      return true;
    }
    if (UNREACHABLE.some((pattern) => pattern.test(line))) {
      findings.add("no-route-to-host", line, lineNumber, { detail: "ping got 'destination unreachable'" });
      return true;
    }
    return PING_LOSSES.some((pattern) => pattern.test(line));
  }

  /** The summary counts replies that `ping -q` does not print one by one. */
  private readSummary(received: number, line: string, lineNumber: number): void {
    const run = this.run();
    if (received === 0) run.failed ??= { line, lineNumber };
    else if (run.replies === 0) {
      run.replies = received;
      this.firstReply ??= { line, lineNumber };
    }
  }

  /** Output pasted without its header still counts, as a run of unknown size. */
  private run(): PingRun {
    if (!this.current) {
      this.current = { replies: 0 };
      this.runs.push(this.current);
    }
    return this.current;
  }

  finish(findings: Findings): void {
    const replies = this.runs.reduce((sum, run) => sum + run.replies, 0);
    if (this.firstReply) findings.add("ping-ok", this.firstReply.line, this.firstReply.lineNumber, { value: replies, detail: `ping got ${replies} replies` });
    const largeFailure = this.runs.find((run) => run.size !== undefined && run.size >= LARGE_PING_BYTES && run.replies === 0 && run.failed);
    if (!largeFailure?.failed || largeFailure.size === undefined) return;
    const size = largeFailure.size;
    const smallSuccess = this.runs.find((run) => run.size !== undefined && run.size < size && run.replies > 0);
    if (!smallSuccess) return;
    findings.add("ping-large-fails", largeFailure.failed.line, largeFailure.failed.lineNumber, {
      value: size,
      detail: `pings with ${size} bytes of payload fail while ${smallSuccess.size}-byte pings get replies`,
    });
  }
}

// ---- ARP: arping replies, ARP tables, switch MAC tables -----------------------------------------

/** A MAC as its own token, possibly in brackets: "[00:18:51:38:B1:CD]", "0018.5138.b1cd", "00-18-51-38-b1-cd". */
const MAC_TOKEN = /^[[(]?((?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})[\])]?,?$/i;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const NOT_A_HOST_MAC = new Set(["ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00"]);
/** Longer lines are logs or captures, not table rows. */
const MAX_TABLE_ROW = 200;

/** Whether separators sit where a MAC's would ("aa:bb:cc:dd:ee:ff", "aabb.ccdd.eeff"): cheaper than a regex. */
function mayHoldMac(line: string): boolean {
  for (const [separator, step, groups] of [
    [":", 3, 5],
    ["-", 3, 5],
    [".", 5, 2],
  ] as const) {
    for (let i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, i + 1)) {
      let seen = 1;
      while (seen < groups && line[i + seen * step] === separator) seen += 1;
      if (seen === groups) return true;
    }
  }
  return false;
}

function macTokens(line: string): string[] {
  if (!mayHoldMac(line)) return [];
  const macs: string[] = [];
  for (const token of line.split(/\s+/)) {
    const match = MAC_TOKEN.exec(token);
    if (match) macs.push(match[1]);
  }
  return macs;
}

const normalizeMac = (mac: string) => {
  const hex = mac.toLowerCase().replace(/[^0-9a-f]/g, "");
  return hex.match(/../g)?.join(":") ?? hex;
};

class ArpReader {
  private readonly macsByIp = new Map<string, Map<string, { line: string; lineNumber: number }>>();
  private dadMode = false;

  read(line: string, lineNumber: number, findings: Findings): void {
    // iputils arping -D probes from 0.0.0.0; its replies mean someone else holds the address.
    if (/^ARPING \S+ from 0\.0\.0\.0 /.test(line) || (line.includes("arping") && / -D\b/.test(line))) this.dadMode = true;
    if (line.length > MAX_TABLE_ROW) return;
    const received = /^Received (\d+) response\(s\)/.exec(line);
    if (received && this.dadMode && Number(received[1]) > 0) {
      findings.add("duplicate-address-log", line, lineNumber, {
        value: Number(received[1]),
        detail:
          "arping -D (duplicate address detection) got an answer: another host claims the address " +
          "(probing from the owner's own bridge, the owner answers too; compare the MACs)",
      });
      return;
    }
    const macs = macTokens(line);
    const moved = macs.length === 2 ? /\b((?:\d{1,3}\.){3}\d{1,3}) (?:moved from|flip flop)\b/.exec(line) : null;
    if (moved) {
      findings.add("two-macs-one-ip", line, lineNumber, { detail: `${moved[1]} switched between MAC ${normalizeMac(macs[0])} and ${normalizeMac(macs[1])}` });
      return;
    }
    this.readTableRow(line, lineNumber, macs);
  }

  /** A row with exactly one IP and one MAC (arping reply, arp -a, ip neigh, switch ARP table). */
  private readTableRow(line: string, lineNumber: number, macs: string[]): void {
    if (macs.length !== 1 || line.includes(">") || /\b(?:ARP,|is-at|who-has)/.test(line)) return;
    const ips = line.match(IPV4) ?? [];
    const mac = normalizeMac(macs[0]);
    if (ips.length !== 1 || NOT_A_HOST_MAC.has(mac)) return;
    const seen = this.macsByIp.get(ips[0]) ?? new Map<string, { line: string; lineNumber: number }>();
    if (!seen.has(mac)) seen.set(mac, { line, lineNumber });
    this.macsByIp.set(ips[0], seen);
  }

  finish(findings: Findings): void {
    for (const [ip, macs] of this.macsByIp) {
      if (macs.size < 2) continue;
      const [, second] = [...macs.values()];
      findings.add("two-macs-one-ip", second.line, second.lineNumber, {
        value: macs.size,
        detail: `${ip} is answered by ${macs.size} MAC addresses: ${[...macs.keys()].join(", ")}`,
      });
    }
  }
}

// ---- the parser -------------------------------------------------------------------------------

/** Words (in any case) that the lines read above hold anywhere, and how the others start; else a line is read only when it may hold a MAC. */
const WORDS = [
  ..."java.net.|dial tcp |connect e|) open|arping".split("|"),
  ..."needed|too long|fragmented|拆分|destination|packet filtered|prohibited|无法访问|request time|请求超时".split("|"),
];
const LINE_START = new RegExp(
  String.raw`^\s*(?:PING |Pinging |正在 Ping |\d+ bytes from |Reply from |来自 |\d+ packets transmitted|Packets: Sent|数据包: 已发送|Received \d` +
    String.raw`|Connection to |Connected to |Ncat: |nc: |telnet: |Could not connect to Redis|ERROR 2003)`,
);
/** netcat-traditional: "host [10.0.0.1] 80 (http) open". */
const NETCAT_ROW = /\] \d+ \(/;
/** What MAC_TOKEN needs somewhere in a line. */
const MAC_SHAPE = /(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}/i;

function connectToolsReader(source: EvidenceSource): LineReader {
  const findings = new Findings();
  const ping = new PingReader();
  const arp = new ArpReader();
  const read = (rawLine: string, lineNumber: number) => {
    const line = rawLine.trim();
    if (line === "") return;
    if (readConnectLine(line, lineNumber, findings) || line.length > MAX_TOOL_LINE) return;
    if (ping.read(line, lineNumber, findings)) return;
    arp.read(line, lineNumber, findings);
  };
  const finish = () => {
    ping.finish(findings);
    arp.finish(findings);
    return findings.toSignals(PARSER_ID, source, (id, hit) => `${hit.detail ?? DETAILS[id] ?? id}${countSuffix(hit, "lines")}`);
  };
  return { read, finish };
}

export const connectToolsParser = defineParser({
  id: PARSER_ID,
  title: "nc / telnet / ping / redis-cli / arping",
  produces: [
    "conn-refused",
    "conn-timeout",
    "no-route-to-host",
    "cannot-assign-address",
    "connect-ok",
    "ping-ok",
    "ping-large-fails",
    "frag-needed",
    "icmp-admin-prohibited",
    "two-macs-one-ip",
    "duplicate-address-log",
  ],
  reads: { words: WORDS, also: (line) => LINE_START.test(line) || NETCAT_ROW.test(line) || MAC_SHAPE.test(line) },
  reader: connectToolsReader,
});

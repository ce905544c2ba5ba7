import { countSuffix, Findings } from "../findings";
import { defineParser } from "../line-parser";
import { type EvidenceSource, type LineReader } from "../signal";
import type { SignalId } from "../vocabulary";

const PARSER_ID = "dns-tools";

/**
 * Resolvers retry after a 5 s timeout (glibc and musl default), so an answer that took about 5 s
 * (or 10 s after two losses) means a query was lost and retried, not that the server is slow.
 */
const RETRY_WINDOWS_MS: readonly [number, number][] = [
  [4500, 5500],
  [9500, 10500],
];

/** Loopback resolvers that are normal: systemd-resolved's stub and Docker's embedded DNS. */
const NORMAL_LOOPBACK_RESOLVERS = new Set(["127.0.0.53", "127.0.0.11"]);

const DETAILS: Partial<Record<SignalId, string>> = {
  "dns-timeout": "the DNS query got no answer before the timeout",
  "dns-servfail": "the DNS server answered SERVFAIL or REFUSED",
  "dns-nxdomain": "the DNS server answered NXDOMAIN (no such name)",
  "dns-answer-ok": "the DNS query got an answer with records",
  "dns-tcp-ok": "a DNS query over TCP got an answer",
  "resolve-failed": "the host name could not be resolved",
  "resolv-rotate": "resolv.conf has 'options rotate': queries alternate between the nameservers",
  "resolv-single-request": "resolv.conf makes glibc send A and AAAA one at a time, on separate sockets, or over TCP",
  "go-resolver-dns-first": "Go's resolver asks DNS before /etc/hosts",
  "musl-libc": "the system uses musl libc (Alpine), whose resolver ignores glibc resolv.conf options",
};

/** "127.0.0.1#53" (nslookup) or "10.96.0.10:53" (busybox) → the bare address. */
const withoutPort = (address: string) => address.replace(/#\d+$/, "").replace(/^((?:\d{1,3}\.){3}\d{1,3}):\d+$/, "$1");

const isLoopback = (address: string) => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === "::1";

/** Lines that mean the query got no answer at all, from dig, nslookup (Linux, Windows) and Go. */
const TIMEOUT_LINES: readonly RegExp[] = [
  /^;; connection timed out; (?:no servers could be reached|trying next origin)/,
  /^;; communications error to \S+: timed out/,
  /^;; no servers could be reached/,
  /^DNS request timed out\./,
  /^\*\*\* Request to \S+ timed-out/,
  /^\*\*\* 请求 \S+ 超时/,
  /\blookup \S+ on \S+: read udp \S+: i\/o timeout/,
];
const NSLOOKUP_TIMEOUT = /^(?:request timed? ?out\.?|请求超时。?)$/i;
const SERVFAIL_LINES: readonly RegExp[] = [
  /^\*\* server can't find \S+: (?:SERVFAIL|REFUSED)/,
  /^\*\*\* \S+ (?:can't find|找不到) \S+: (?:Server failed|Query refused)/,
  /^;; Got (?:SERVFAIL|REFUSED) reply from /,
  /\blookup \S+ on \S+: server misbehaving/,
];
const NXDOMAIN_LINES: readonly RegExp[] = [
  /^\*\* server can't find \S+: NXDOMAIN/,
  /^\*\*\* \S+ (?:can't find|找不到) \S+: Non-existent domain/,
  /\blookup \S+ on \S+: no such host/,
];
/** Client-side "cannot resolve" messages (glibc, ping, Windows ping). */
const RESOLVE_FAILED_LINES: readonly RegExp[] = [
  /Name or service not known/,
  /Temporary failure in name resolution/,
  /^ping: unknown host /,
  /^Ping request could not find host /,
  /^Ping 请求找不到主机 /,
];
const MUSL_MARKERS: readonly RegExp[] = [/\bAlpine Linux\b/i, /\bmusl libc\b/i, /\bld-musl-\w+\.so\.1\b/, /^ID="?alpine"?$/, /^FROM\s+\S*alpine\S*(?:\s|$)/i];

/** nslookup's "Server:  10.0.0.2" (Windows: "Server:  UnKnown", Chinese: "服务器:  UnKnown"). */
const SERVER_LINE = /^(?:Server|服务器):\s+(\S+)$/;

type DigRun = { tcp: boolean; status?: string; answered: boolean };

/** Reads dig, nslookup and resolver configuration line by line; one instance per pasted text. */
class DnsReader {
  private dig: DigRun = { tcp: false, answered: false };
  /** Set once an nslookup "Server:/Address:" block is seen; bare "request timed out" is ambiguous otherwise. */
  private nslookupSeen = false;
  private previous = "";
  private line = "";
  private lineNumber = 0;

  constructor(private readonly findings: Findings) {}

  read(line: string, lineNumber: number): void {
    if (line === "") return;
    this.line = line;
    this.lineNumber = lineNumber;
    this.readLine();
    this.previous = line;
  }

  /** A line that is neither blank nor one of the tools': it only stands between two nslookup lines. */
  skip(): void {
    this.previous = "";
  }

  private add(id: SignalId, extra?: { value?: number; detail?: string }): void {
    this.findings.add(id, this.line, this.lineNumber, extra);
  }

  private readLine(): void {
    const line = this.line;
    if (line.startsWith("; <<>> DiG ")) {
      this.dig = { tcp: /\s\+(?:tcp|vc)\b/.test(line), answered: false };
      return;
    }
    if (this.readDigLine() || this.readNslookupLine()) return;
    if (TIMEOUT_LINES.some((pattern) => pattern.test(line)) || (this.nslookupSeen && NSLOOKUP_TIMEOUT.test(line))) return this.add("dns-timeout");
    if (SERVFAIL_LINES.some((pattern) => pattern.test(line))) return this.add("dns-servfail");
    if (NXDOMAIN_LINES.some((pattern) => pattern.test(line))) return this.add("dns-nxdomain");
    if (RESOLVE_FAILED_LINES.some((pattern) => pattern.test(line))) return this.add("resolve-failed");
    if (this.readConfigLine()) return;
    if (/alpine|musl/i.test(line) && MUSL_MARKERS.some((pattern) => pattern.test(line))) this.add("musl-libc");
  }

  private readDigLine(): boolean {
    const { line, dig } = this;
    const header = /^;; ->>HEADER<<- opcode: \w+, status: (\w+)/.exec(line);
    if (header) {
      dig.status = header[1];
      dig.answered = true;
      if (dig.status === "SERVFAIL" || dig.status === "REFUSED") this.add("dns-servfail", { detail: `dig got status ${dig.status}` });
      if (dig.status === "NXDOMAIN") this.add("dns-nxdomain");
      if (dig.tcp) this.add("dns-tcp-ok", { detail: `dig over TCP got a response (status ${dig.status})` });
      return true;
    }
    const flags = /^;; flags:[^;]*; QUERY: \d+, ANSWER: (\d+)/.exec(line);
    if (flags) {
      const answers = Number(flags[1]);
      if (dig.status === "NOERROR" && answers > 0) this.add("dns-answer-ok", { value: answers, detail: `dig got ${answers} answer record(s)` });
      return true;
    }
    const queryTime = /^;; Query time: (\d+) msec/.exec(line);
    if (queryTime) {
      const ms = Number(queryTime[1]);
      if (RETRY_WINDOWS_MS.some(([low, high]) => ms >= low && ms <= high)) {
        this.add("dns-slow-5s", { value: ms, detail: `the answer took ${ms} ms, the resolver's retry timeout: a query was lost and retried` });
      }
      return true;
    }
    const server = /^;; SERVER: ([^#\s]+)#\d+/.exec(line);
    if (server) {
      this.addLoopback(server[1]);
      if (!dig.tcp && line.endsWith("(TCP)") && dig.answered) this.add("dns-tcp-ok", { detail: `dig over TCP got a response (status ${dig.status})` });
      return true;
    }
    return false;
  }

  /** nslookup prints the server as "Server: <name or ip>" then "Address: <ip>[#53|:53]". */
  private readNslookupLine(): boolean {
    const server = SERVER_LINE.exec(this.line);
    if (server) {
      this.addLoopback(server[1]);
      return true;
    }
    const address = /^(?:Address(?: 1)?|地址):\s+(\S+)/.exec(this.line);
    const previousServer = SERVER_LINE.exec(this.previous);
    if (address && previousServer) {
      this.nslookupSeen = true;
      // Linux prints the IP on both lines: count it once.
      if (!isLoopback(previousServer[1])) this.addLoopback(withoutPort(address[1]));
      return true;
    }
    if (this.nslookupSeen && /^Address(?:es| \d+)?:\s+\S/.test(this.line) && /^(?:Name|名称):/.test(this.previous)) {
      this.add("dns-answer-ok", { detail: "nslookup got an answer" });
      return true;
    }
    return false;
  }

  private addLoopback(address: string): void {
    if (!isLoopback(address) || NORMAL_LOOPBACK_RESOLVERS.has(address)) return;
    this.add("dns-loopback-server", {
      detail: `the resolver in use is ${address}, a loopback address: a local forwarder answers instead of the intended DNS server`,
    });
  }

  /** resolv.conf, nsswitch.conf and Go resolver debug lines. */
  private readConfigLine(): boolean {
    const line = this.line;
    const nameserver = /^nameserver\s+(\S+)/.exec(line);
    if (nameserver) {
      this.addLoopback(nameserver[1]);
      return true;
    }
    const options = /^options\s+(\S.*)$/.exec(line);
    if (options) {
      const words = options[1].split(/\s+/);
      if (words.includes("rotate")) this.add("resolv-rotate");
      const single = words.find((word) => word === "single-request" || word === "single-request-reopen" || word === "use-vc");
      if (single) this.add("resolv-single-request", { detail: `resolv.conf sets '${single}'` });
      return true;
    }
    const hosts = /^hosts:\s+(\S.*)$/.exec(line);
    if (hosts) {
      this.readNsswitchHosts(hosts[1]);
      return true;
    }
    if (line.includes("nsswitch.conf") && /No such file or directory/.test(line)) {
      this.add("nsswitch-missing", { detail: "there is no /etc/nsswitch.conf: some resolvers (Go, musl-based images) then ask DNS before /etc/hosts" });
      return true;
    }
    const at = line.indexOf("hostLookupOrder(");
    const order = at < 0 ? null : /^hostLookupOrder\([^)\s]{0,255}\) = ([\w,]+)/.exec(line.slice(at, at + 300));
    if (order) {
      if (order[1].startsWith("dns")) this.add("go-resolver-dns-first", { detail: `Go's resolver uses order ${order[1]}: DNS is asked before /etc/hosts` });
      return true;
    }
    return false;
  }

  private readNsswitchHosts(sources: string): void {
    const words = sources.split(/\s+/).filter((word) => !word.startsWith("["));
    const dns = words.indexOf("dns");
    const files = words.indexOf("files");
    if (dns >= 0 && (files < 0 || dns < files)) {
      this.add("nsswitch-missing", { detail: files < 0 ? "nsswitch hosts: never consults /etc/hosts" : "nsswitch hosts: asks DNS before /etc/hosts" });
    }
  }
}

/** The error messages and files read above (in any case); with blank lines, dig's ";" lines and nslookup's, the lines read. */
const WORDS =
  "lookup |not known|name resolution|ping: unknown host|ping request could not find host|ping 请求找不到主机|nsswitch.conf|hostlookuporder(|alpine|musl".split(
    "|",
  );
const LINE_START = /^\s*(?:$|;|\*\*|server:|服务器:|address|地址|name:|名称:|nameserver|options|hosts:|dns request timed out|request tim|请求超时)/i;

function dnsToolsReader(source: EvidenceSource): LineReader {
  const findings = new Findings();
  const reader = new DnsReader(findings);
  return {
    read: (line, lineNumber) => reader.read(line.trim(), lineNumber),
    skip: () => reader.skip(),
    finish: () => findings.toSignals(PARSER_ID, source, (id, hit) => `${hit.detail ?? DETAILS[id] ?? id}${countSuffix(hit, "times")}`),
  };
}

export const dnsToolsParser = defineParser({
  id: PARSER_ID,
  title: "dig / nslookup / resolv.conf / nsswitch.conf",
  produces: [
    "dns-timeout",
    "dns-servfail",
    "dns-nxdomain",
    "dns-slow-5s",
    "dns-loopback-server",
    "dns-tcp-ok",
    "dns-answer-ok",
    "resolve-failed",
    "resolv-rotate",
    "resolv-single-request",
    "nsswitch-missing",
    "go-resolver-dns-first",
    "musl-libc",
  ],
  reads: { words: WORDS, also: (line) => LINE_START.test(line) },
  reader: dnsToolsReader,
});

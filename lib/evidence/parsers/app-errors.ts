import { defineParser } from "../line-parser";
import { makeSignal, type EvidenceSource, type LineReader, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";

const ID = "app-errors";

/**
 * What applications print when a pool they wait on is exhausted: database and HTTP-client
 * connection pools, worker threads, executors. The network answers; the process cannot.
 */
const POOL_EXHAUSTED = new RegExp(
  [
    String.raw`Connection is not available, request timed out after`, // HikariCP
    String.raw`Timeout waiting for (?:idle object|connection from pool)`, // commons-pool, Apache HttpClient
    String.raw`Cannot get a connection, pool error`, // DBCP
    String.raw`Could not get a resource from the pool`, // Jedis
    String.raw`ConnectionPoolTimeoutException`,
    String.raw`Timeout acquiring a connection`, // Knex
    String.raw`QueuePool limit of size \d+ overflow \d+ reached`, // SQLAlchemy
    String.raw`All threads \(\d+\) are currently busy`, // Tomcat
    String.raw`RejectedExecutionException`,
    String.raw`\bpool (?:is )?(?:exhausted|full)\b`,
    String.raw`\bno (?:available|idle|free) (?:connections?|workers?|threads?)\b`,
    String.raw`\bevent loop (?:was |is )?(?:blocked|stalled)\b`,
    String.raw`server reached (?:pm\.)?max_children setting`, // PHP-FPM
    String.raw`连接池(?:已满|耗尽|满了)|线程池(?:已满|耗尽|满了)`,
  ].join("|"),
  "i",
);

/**
 * HTTP clients reporting a message whose framing is wrong: a body shorter or longer than its
 * Content-Length, or bytes where the next response should start (curl, Node, Python, Java, Go).
 */
const HTTP_FRAMING = new RegExp(
  [
    String.raw`transfer closed with \d+ bytes remaining to read`,
    String.raw`Excess found in a (?:non[- ]pipelined )?read`,
    String.raw`HPE_INVALID_CONSTANT|HPE_UNEXPECTED_CONTENT_LENGTH|Parse Error: Expected HTTP\/`,
    String.raw`IncompleteRead\(\d+ bytes read`,
    String.raw`Premature end of (?:Content-Length delimited message body|chunk coded message body)`,
    String.raw`malformed HTTP (?:response|status code)`,
    String.raw`Received HTTP\/0\.9 when not allowed`,
  ].join("|"),
);

/** A refused connect to the loopback address: the client dialled a default instead of its configured peer. */
const REFUSED_ON_LOOPBACK = new RegExp(
  [
    String.raw`\b(?:localhost|127\.0\.0\.1)\b[^\n]{0,60}?\bcould not be established\b`,
    String.raw`\b(?:ECONNREFUSED|[Cc]onnection refused)\b[^\n]{0,60}?(?:\b127\.0\.0\.1\b|\blocalhost\b|\[::1\])`,
    String.raw`(?:\b127\.0\.0\.1\b|\blocalhost\b)(?::\d+)?[^\n]{0,40}?\b(?:ECONNREFUSED|[Cc]onnection refused)\b`,
  ].join("|"),
);

/** kubectl and Consul saying the service a client needs does not exist. */
const SERVICE_NOT_FOUND = new RegExp(
  [
    String.raw`Error from server \(NotFound\): (?:services|endpoints|endpointslices)[\w.]* "[^"]+" not found`,
    String.raw`\bNo instances available for\b|\bservice not found in catalog\b`,
  ].join("|"),
);

/** `ls -l` of a resolver file that only root can read, or a umask that makes new files so. */
const SYSTEM_FILE_UNREADABLE =
  /^-rw-------\.?\s+\d+\s+root\s+\S+\s.*\/etc\/(?:resolv\.conf|hosts|nsswitch\.conf|gai\.conf)\s*$|\bumask\s+0?077\b|\bUMASK\s+0?077\b/;

/** Kafka and ZooKeeper clients that cannot use an entry of their configured server list. */
const CLIENT_BOOTSTRAP = new RegExp(
  [
    String.raw`Couldn't resolve server \S+ from bootstrap\.servers|No resolvable bootstrap urls given in bootstrap\.servers`,
    String.raw`Invalid url in bootstrap\.servers|Unable to resolve address: \S+:2181`,
  ].join("|"),
);

/** A shell, cron or exec that cannot find a program: bash, dash/busybox sh, Go and container runtimes. */
const COMMAND_NOT_FOUND =
  /: command not found\b|^(?:\/bin\/)?(?:sh|bash|dash|ash): (?:\d+: )?[\w./-]+: not found\b|executable file not found in \$PATH|找不到命令|未找到命令/;

/** A server saying its accept queue is full: uWSGI's "listen queue of socket ... full !!! (101/100)" and the like. */
const LISTEN_QUEUE_FULL = /\blisten queue of socket\b.{0,120}\bfull\b|\b(?:listen|accept) (?:queue|backlog) (?:is )?(?:full|overflow(?:ed|ing)?)\b/i;

/** A server saying the backlog it asked for is cut down by net.core.somaxconn (Redis, and servers that print alike). */
const BACKLOG_CAPPED = /\bbacklog setting of \d+ cannot be enforced\b|\bsomaxconn is set to the lower value of \d+/i;

/** A server refusing clients at its connection limit (MySQL, Redis, PostgreSQL, MongoDB). */
const CONNECTION_LIMIT = new RegExp(
  [
    String.raw`\bToo many connections\b|\bmax number of clients reached\b|\bsorry, too many clients already\b`,
    String.raw`\bremaining connection slots are reserved\b|\bconnection refused because too many open connections\b`,
  ].join("|"),
  "i",
);

/** A process killed for memory by the kernel or the container runtime. */
const OOM_KILLED =
  /\bOOMKilled\b|\bOut of memory: Kill(?:ed)? process\b|\bExit Code:\s+137\b|\bexit(?:ed)? (?:with )?(?:code|status) 137\b|\boom-kill(?:er)?\b/i;

/** An orchestrator showing a service with no endpoints: `kubectl get ep` ("<none>"), `kubectl describe svc` ("Endpoints: <none>"). */
const NO_ENDPOINTS = /^\S+\s+<none>\s+\d+[smhdy]\w*\s*$|^Endpoints:\s+<none>\s*$|\bno endpoints available for service\b/i;

/** A /proc/net/udp socket line whose last column (drops) is above zero. */
const UDP_SOCKET_DROPS =
  /^\s*\d+: [\dA-F]{8,32}:[\dA-F]{4} [\dA-F]{8,32}:[\dA-F]{4} [\dA-F]{2} [\dA-F]{8}:[\dA-F]{8} \S+ \S+\s+\d+\s+\d+ \d+ \d+ \S+ ([1-9]\d*)\s*$/;

/**
 * Socket errors as libraries and runtimes print them, in any case, behind an errno name or number
 * (Python "[Errno 111]", Node "ECONNRESET", Go "connect: ...", Java exceptions, redis-py "Error 111").
 */
const CLIENT_ERRORS: { id: SignalId; pattern: RegExp; detail: string }[] = [
  { id: "conn-refused", pattern: /\bECONNREFUSED\b|\bconnection refused\b|\b(?:Errno|Error) 111\b/i, detail: "a client's connect was refused" },
  {
    id: "conn-reset",
    pattern: /\bECONNRESET\b|\bconnection reset\b|\b(?:Errno|Error) 104\b|\bbroken pipe\b|\bEPIPE\b/i,
    detail: "a client's connection was reset by the peer",
  },
  {
    id: "cannot-assign-address",
    pattern: /\bEADDRNOTAVAIL\b|\bcannot assign requested address\b|\bErrno 99\b/i,
    detail: "a client could not get a local address and port (EADDRNOTAVAIL)",
  },
  {
    id: "no-route-to-host",
    pattern: /\bE(?:HOST|NET)UNREACH\b|\bno route to host\b|\b(?:host|network) is unreachable\b|\bErrno 113\b/i,
    detail: "a client found no route to the host",
  },
  {
    id: "resolve-failed",
    pattern: new RegExp(
      [
        String.raw`\bE(?:NOTFOUND|AI_AGAIN|AI_NONAME)\b|\bno such host\b|\bName or service not known\b`,
        String.raw`\bTemporary failure in name resolution\b|\bUnknownHostException\b|\bnodename nor servname provided\b`,
        String.raw`\bCould not resolve host\b`,
      ].join("|"),
      "i",
    ),
    detail: "a client could not resolve a name",
  },
  {
    id: "conn-timeout",
    pattern: /\bConnectTimeout(?:Error|Exception)?\b|\bconnect(?:ion)? timed out\b|\bconnect timeout\b/i,
    detail: "a client's connect timed out",
  },
  { id: "probe-failed-log", pattern: /\b(?:Readiness|Liveness|Startup) probe failed\b/, detail: "the orchestrator's health probe fails" },
  {
    id: "stale-keepalive-log",
    pattern: new RegExp(
      [
        String.raw`\bRemote end closed connection without response\b|\bsocket hang up\b|\bserver closed idle connection\b`,
        String.raw`\bThe last packet successfully received from the server was [\d,]{6,} milliseconds ago\b`,
        String.raw`\bNoHttpResponseException\b|\bfailed to respond\b`,
      ].join("|"),
      "i",
    ),
    detail: "a client reused a connection the server had already closed",
  },
];

const CLIENT_ERROR_IDS = new Set<SignalId>(CLIENT_ERRORS.map((e) => e.id));

const FINDINGS: { id: SignalId; pattern: RegExp; detail: (count: number) => string }[] = [
  {
    id: "app-pool-exhausted",
    pattern: POOL_EXHAUSTED,
    detail: (n) => `the application reports an exhausted pool or blocked workers (${n} line${n === 1 ? "" : "s"})`,
  },
  {
    id: "http-framing-error",
    pattern: HTTP_FRAMING,
    detail: () => "an HTTP client found a body longer or shorter than its framing says, or junk where a response should start",
  },
  {
    id: "refused-on-loopback",
    pattern: REFUSED_ON_LOOPBACK,
    detail: () => "a connection to the loopback address is refused: the client is not using the address it was configured with",
  },
  { id: "service-not-found", pattern: SERVICE_NOT_FOUND, detail: () => "the orchestrator says the service the client needs does not exist" },
  { id: "system-file-unreadable", pattern: SYSTEM_FILE_UNREADABLE, detail: () => "a resolver file is readable by root only: other users' lookups fail" },
  { id: "client-bootstrap-error", pattern: CLIENT_BOOTSTRAP, detail: () => "the client cannot use an entry of its configured server list" },
  { id: "listen-queue-full-log", pattern: LISTEN_QUEUE_FULL, detail: () => "the server reports its listen (accept) queue full" },
  { id: "backlog-capped-log", pattern: BACKLOG_CAPPED, detail: () => "the server's listen backlog is cut down to net.core.somaxconn" },
  {
    id: "server-connection-limit",
    pattern: CONNECTION_LIMIT,
    detail: () => "a server refuses clients at its connection limit: connections are held and not released",
  },
  { id: "oom-killed", pattern: OOM_KILLED, detail: () => "a process was killed for memory (its limit is below what it uses)" },
  { id: "endpoints-empty", pattern: NO_ENDPOINTS, detail: () => "the orchestrator lists no endpoints behind the service" },
  {
    id: "udp-rcvbuf-errors",
    pattern: UDP_SOCKET_DROPS,
    detail: () => "a UDP socket's drops column in /proc/net/udp is above zero: its receive buffer overflowed",
  },
  ...CLIENT_ERRORS.map(({ id, pattern, detail }) => ({ id, pattern, detail: () => detail })),
  {
    id: "command-not-found",
    pattern: COMMAND_NOT_FOUND,
    detail: () => "a script cannot find a command: its PATH or environment differs from an interactive shell's",
  },
];

const MAX_LINE = 1000;

/** Every finding's pattern in one: a line that matches none (most lines of a long paste) is read once, not once per finding. */
const ANY_FINDING = new RegExp(FINDINGS.map((f) => `(?:${f.pattern.source})`).join("|"), "im");

/**
 * Words (in any case) that every finding's pattern contains one of, and those of `type -a` and HTTP
 * header lines; with /proc/net/udp rows and blank lines (which end a header block), the lines read.
 */
const WORDS = [
  ..."connection|timeout|timed out|pool|thread|worker|rejectedexecution|event loop|max_children|池|命令|not found|notfound|no instances".split("|"),
  ..."transfer closed|excess found|hpe_|parse error|incompleteread|premature end|malformed http|http/0.9|localhost|127.0.0.1|::1".split("|"),
  ..."-rw-------|umask|bootstrap.servers|unable to resolve address|listen queue|listen backlog|accept queue|accept backlog".split("|"),
  ..."backlog setting|somaxconn|too many".split("|"),
  ..."max number of clients|oom|out of memory|137|<none>|no endpoints|refused|reset|broken pipe|epipe|eaddrnotavail|cannot assign".split("|"),
  ..."errno 99|errno 104|errno 111|errno 113|error 99|error 104|error 111|error 113|unreach|no route|enotfound|eai_|no such host".split("|"),
  ..."not known|name resolution|unknownhost|servname|could not resolve|probe failed|remote end closed|hang up|closed idle|last packet".split("|"),
  ..."nohttpresponse|failed to respond".split("|"),
];
/** A /proc/net/udp row, a `type -a` line, a 204/304 status or Content-Length header, or a blank line. */
const LINE_START = /^\s*(?:\d+: |[\w.-]+ is |(?:< )?HTTP\/1\.[01] |(?:< )?content-length:|<\s*$|$)/i;

/** The ids of the findings a line shows, in FINDINGS order. */
function findingsOf(line: string): SignalId[] {
  if (!ANY_FINDING.test(line)) return [];
  // A pool's own wait ("..., connection timed out, timeout 30") is not a socket error.
  const poolLine = POOL_EXHAUSTED.test(line);
  return FINDINGS.filter(({ id, pattern }) => !(poolLine && CLIENT_ERROR_IDS.has(id)) && pattern.test(line)).map(({ id }) => id);
}

function appErrorsReader(source: EvidenceSource): LineReader {
  const first = new Map<SignalId, { line: string; lineNumber: number; count: number }>();
  const shadowed = new ShadowedTool();
  const bodiless = new BodilessWithLength();
  // A log repeats lines: the findings of the last one are kept for the next.
  let last: { raw: string; ids: SignalId[] } | undefined;
  const read = (raw: string, lineNumber: number) => {
    shadowed.read(raw, lineNumber);
    bodiless.read(raw, lineNumber);
    if (raw === "") return; // no finding matches an empty line
    if (last?.raw !== raw) last = { raw, ids: findingsOf(raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw) };
    for (const id of last.ids) {
      const seen = first.get(id);
      if (seen) seen.count += 1;
      else first.set(id, { line: raw, lineNumber, count: 1 });
    }
  };
  const finish = () => {
    const signals: Signal[] = [];
    if (shadowed.found)
      signals.push(makeSignal("tool-shadowed", ID, shadowed.found.line, shadowed.found.lineNumber, source, { detail: shadowed.found.detail }));
    if (bodiless.found)
      signals.push(makeSignal("http-204-with-length", ID, bodiless.found.line, bodiless.found.lineNumber, source, { detail: bodiless.found.detail }));
    for (const { id, detail } of FINDINGS) {
      const seen = first.get(id);
      if (seen) signals.push(makeSignal(id, ID, seen.line, seen.lineNumber, source, { value: seen.count, detail: detail(seen.count) }));
    }
    return signals;
  };
  return { read, finish };
}

export const appErrorsParser = defineParser({
  id: ID,
  title: "Application, HTTP client and shell errors (pool exhaustion, broken HTTP framing, command not found)",
  produces: [...FINDINGS.map((f) => f.id), "http-204-with-length", "tool-shadowed"],
  reads: { words: WORDS, also: (line) => LINE_START.test(line) },
  reader: appErrorsReader,
});

type Found = { line: string; lineNumber: number; detail: string };

const BODILESS_STATUS = /^(?:< )?HTTP\/1\.[01] (204|304)\b/;
const CONTENT_LENGTH = /^(?:< )?Content-Length:\s*(\d+)\s*$/i;

/** A raw 204 or 304 response header block (tcpdump -A, curl -v) that declares a body length above zero: the first one. */
class BodilessWithLength {
  found?: Found;
  private status?: string;

  read(raw: string, lineNumber: number): void {
    if (this.found) return;
    if (raw === "") {
      this.status = undefined; // a blank line ends the header block
      return;
    }
    const line = raw.trim();
    const started = BODILESS_STATUS.exec(line);
    if (started) {
      this.status = started[1];
      return;
    }
    if (!this.status) return;
    if (line === "" || line === "<") {
      this.status = undefined;
      return;
    }
    const length = CONTENT_LENGTH.exec(line);
    if (!length || Number(length[1]) <= 0) return;
    const status = this.status;
    this.found = {
      line: raw,
      lineNumber,
      detail: `a ${status} response declares Content-Length: ${length[1]}; a client reads no body after ${status}, so those bytes corrupt the next response`,
    };
  }
}

/** Where distributions install tools; merged-/usr systems list both /usr/bin/x and /bin/x. */
const SYSTEM_BIN = /^\/(?:usr\/)?s?bin\/[^/]+$/;
const TYPE_ENTRY = /^([\w.-]+) is (?:(\/\S+)|aliased to .+|a function)$/;

/** `type -a ping`: the name runs something other than its first binary (an alias, a function or an earlier path). The first one. */
class ShadowedTool {
  found?: Found;
  private readonly seen = new Map<string, { line: string; lineNumber: number; first: string }>();

  read(raw: string, lineNumber: number): void {
    if (this.found || raw === "") return;
    const entry = TYPE_ENTRY.exec(raw.trim());
    if (!entry) return;
    const [, name, path] = entry;
    const what = path ?? "an alias or function";
    const earlier = this.seen.get(name);
    if (!earlier) {
      this.seen.set(name, { line: raw, lineNumber, first: what });
      return;
    }
    const shadows = !earlier.first.startsWith("/") || (!SYSTEM_BIN.test(earlier.first) && path !== undefined && SYSTEM_BIN.test(path));
    if (shadows)
      this.found = {
        line: earlier.line,
        lineNumber: earlier.lineNumber,
        detail: `"${name}" runs ${earlier.first} before ${what}: the output is the wrapper's, not the tool's`,
      };
  }
}

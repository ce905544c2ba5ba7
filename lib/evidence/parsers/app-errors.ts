import { splitLines } from "../lines";
import { makeSignal, type OutputParser, type Signal } from "../signal";
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
const REFUSED_ON_LOOPBACK = /\b(?:ECONNREFUSED|[Cc]onnection refused)\b[^\n]{0,60}?(?:\b127\.0\.0\.1\b|\blocalhost\b|\[::1\])|(?:\b127\.0\.0\.1\b|\blocalhost\b)(?::\d+)?[^\n]{0,40}?\b(?:ECONNREFUSED|[Cc]onnection refused)\b/;

/** kubectl and Consul saying the service a client needs does not exist. */
const SERVICE_NOT_FOUND = /Error from server \(NotFound\): (?:services|endpoints|endpointslices)[\w.]* "[^"]+" not found|\bNo instances available for\b|\bservice not found in catalog\b/;

/** `ls -l` of a resolver file that only root can read, or a umask that makes new files so. */
const SYSTEM_FILE_UNREADABLE = /^-rw-------\.?\s+\d+\s+root\s+\S+\s.*\/etc\/(?:resolv\.conf|hosts|nsswitch\.conf|gai\.conf)\s*$|\bumask\s+0?077\b|\bUMASK\s+0?077\b/;

/** Kafka and ZooKeeper clients that cannot use an entry of their configured server list. */
const CLIENT_BOOTSTRAP = /Couldn't resolve server \S+ from bootstrap\.servers|No resolvable bootstrap urls given in bootstrap\.servers|Invalid url in bootstrap\.servers|Unable to resolve address: \S+:2181/;

/** A shell, cron or exec that cannot find a program: bash, dash/busybox sh, Go and container runtimes. */
const COMMAND_NOT_FOUND = /: command not found\b|^(?:\/bin\/)?(?:sh|bash|dash|ash): (?:\d+: )?[\w./-]+: not found\b|executable file not found in \$PATH|找不到命令|未找到命令/;

const FINDINGS: { id: SignalId; pattern: RegExp; detail: (count: number) => string }[] = [
  { id: "app-pool-exhausted", pattern: POOL_EXHAUSTED, detail: (n) => `the application reports an exhausted pool or blocked workers (${n} line${n === 1 ? "" : "s"})` },
  { id: "http-framing-error", pattern: HTTP_FRAMING, detail: () => "an HTTP client found a body longer or shorter than its framing says, or junk where a response should start" },
  { id: "refused-on-loopback", pattern: REFUSED_ON_LOOPBACK, detail: () => "a connection to the loopback address is refused: the client is not using the address it was configured with" },
  { id: "service-not-found", pattern: SERVICE_NOT_FOUND, detail: () => "the orchestrator says the service the client needs does not exist" },
  { id: "system-file-unreadable", pattern: SYSTEM_FILE_UNREADABLE, detail: () => "a resolver file is readable by root only: other users' lookups fail" },
  { id: "client-bootstrap-error", pattern: CLIENT_BOOTSTRAP, detail: () => "the client cannot use an entry of its configured server list" },
  { id: "command-not-found", pattern: COMMAND_NOT_FOUND, detail: () => "a script cannot find a command: its PATH or environment differs from an interactive shell's" },
];

const MAX_LINE = 1000;

export const appErrorsParser: OutputParser = {
  id: ID,
  title: "Application, HTTP client and shell errors (pool exhaustion, broken HTTP framing, command not found)",
  produces: [...FINDINGS.map((f) => f.id), "http-204-with-length", "tool-shadowed"],
  parse(text, source) {
    const first = new Map<SignalId, { line: string; lineNumber: number; count: number }>();
    splitLines(text).forEach((raw, index) => {
      if (raw === "") return; // no finding matches an empty line
      const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
      for (const { id, pattern } of FINDINGS) {
        if (!pattern.test(line)) continue;
        const seen = first.get(id);
        if (seen) seen.count += 1;
        else first.set(id, { line: raw, lineNumber: index + 1, count: 1 });
      }
    });
    const signals: Signal[] = [];
    const shadowed = findShadowedTool(splitLines(text));
    if (shadowed) signals.push(makeSignal("tool-shadowed", ID, shadowed.line, shadowed.lineNumber, source, { detail: shadowed.detail }));
    const bodiless = findBodilessWithLength(splitLines(text));
    if (bodiless) signals.push(makeSignal("http-204-with-length", ID, bodiless.line, bodiless.lineNumber, source, { detail: bodiless.detail }));
    for (const { id, detail } of FINDINGS) {
      const seen = first.get(id);
      if (seen) signals.push(makeSignal(id, ID, seen.line, seen.lineNumber, source, { value: seen.count, detail: detail(seen.count) }));
    }
    return signals;
  },
};

const BODILESS_STATUS = /^(?:< )?HTTP\/1\.[01] (204|304)\b/;
const CONTENT_LENGTH = /^(?:< )?Content-Length:\s*(\d+)\s*$/i;

/** A raw 204 or 304 response header block (tcpdump -A, curl -v) that declares a body length above zero. */
function findBodilessWithLength(lines: readonly string[]): { line: string; lineNumber: number; detail: string } | undefined {
  let status: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === "") {
      status = undefined; // a blank line ends the header block
      continue;
    }
    const line = lines[i].trim();
    const started = BODILESS_STATUS.exec(line);
    if (started) {
      status = started[1];
      continue;
    }
    if (!status) continue;
    if (line === "" || line === "<") {
      status = undefined;
      continue;
    }
    const length = CONTENT_LENGTH.exec(line);
    if (length && Number(length[1]) > 0) return { line: lines[i], lineNumber: i + 1, detail: `a ${status} response declares Content-Length: ${length[1]}; a client reads no body after ${status}, so those bytes corrupt the next response` };
  }
  return undefined;
}

/** Where distributions install tools; merged-/usr systems list both /usr/bin/x and /bin/x. */
const SYSTEM_BIN = /^\/(?:usr\/)?s?bin\/[^/]+$/;
const TYPE_ENTRY = /^([\w.-]+) is (?:(\/\S+)|aliased to .+|a function)$/;

/** `type -a ping`: the name runs something other than its first binary (an alias, a function or an earlier path). */
function findShadowedTool(lines: readonly string[]): { line: string; lineNumber: number; detail: string } | undefined {
  const seen = new Map<string, { line: string; lineNumber: number; first: string }>();
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === "") continue;
    const entry = TYPE_ENTRY.exec(lines[i].trim());
    if (!entry) continue;
    const [, name, path] = entry;
    const what = path ?? "an alias or function";
    const earlier = seen.get(name);
    if (!earlier) {
      seen.set(name, { line: lines[i], lineNumber: i + 1, first: what });
      continue;
    }
    const shadows = !earlier.first.startsWith("/") || (!SYSTEM_BIN.test(earlier.first) && path !== undefined && SYSTEM_BIN.test(path));
    if (shadows) return { line: earlier.line, lineNumber: earlier.lineNumber, detail: `"${name}" runs ${earlier.first} before ${what}: the output is the wrapper's, not the tool's` };
  }
  return undefined;
}

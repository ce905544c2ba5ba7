import { Findings } from "../findings";
import { defineParser } from "../line-parser";
import { type EvidenceSource, type LineReader } from "../signal";
import type { SignalId } from "../vocabulary";

const PARSER_ID = "curl";

/**
 * Thresholds for `curl -w` timings (seconds).
 * - A connect phase of 1 s or more means at least one SYN was retransmitted (initial RTO is 1 s).
 * - The first byte is "slow" when the wait after the connection was ready is at least 1 s and at
 *   least ten times the connect phase: the network round trip cannot explain it.
 * - Resolver retries fire after the default 5 s timeout, so lookups of about 5 s or 10 s point at a
 *   lost query rather than a slow server.
 */
const SLOW_CONNECT_S = 1;
const SLOW_FIRST_BYTE_S = 1;
const FIRST_BYTE_TO_CONNECT_RATIO = 10;
const RESOLVER_TIMEOUT_WINDOWS: readonly [number, number][] = [
  [4.5, 5.5],
  [9.5, 10.5],
];

/** A line written by curl itself: `-v` info lines and `curl: (N)` errors. */
const CURL_MESSAGE = /^(?:\*\s|curl: \(\d+\))/;
const STATUS_LINE = /^(?:< )?HTTP\/\d(?:\.\d)? (\d{3})\b/;
const CONTENT_LENGTH = /^(?:< )?content-length:\s*(\d+)/i;

/** Maps a curl error or `-v` message to the failure it reports (first match wins). */
function classifyMessage(message: string): SignalId | undefined {
  if (/connection refused/i.test(message)) return "conn-refused";
  if (/reset by peer/i.test(message)) return "conn-reset";
  if (/cannot assign requested address/i.test(message)) return "cannot-assign-address";
  if (/no route to host|host is unreachable/i.test(message)) return "no-route-to-host";
  if (/could(?:n't| not) resolve (?:host|proxy)|resolving timed out/i.test(message)) return "resolve-failed";
  if (/empty reply from server/i.test(message)) return "empty-reply";
  if (/connection timed out|connection time-out|connect\(\) timed out/i.test(message)) return "conn-timeout";
  if (message.includes("Failed to connect") && message.includes("Timeout was reached")) return "conn-timeout";
  return undefined;
}

const DETAILS: Partial<Record<SignalId, string>> = {
  "conn-refused": "curl's connect was refused (RST answer to the SYN)",
  "conn-reset": "curl saw the connection reset by the peer",
  "cannot-assign-address": "curl could not get a local address/port (EADDRNOTAVAIL)",
  "no-route-to-host": "curl got 'no route to host'",
  "resolve-failed": "curl could not resolve the host name",
  "empty-reply": "the server closed the connection without sending any response",
  "conn-timeout": "curl's TCP connect timed out",
  "connect-ok": "curl connected",
};

// ---- curl -w timings -------------------------------------------------------------------------

type Phase = "namelookup" | "connect" | "appconnect" | "pretransfer" | "starttransfer" | "total" | "http_code";
type Field = { value: number; line: string; lineNumber: number };
type TimingRecord = Partial<Record<Phase, Field>>;

const PHASE_NAMES: Record<string, Phase> = {
  namelookup: "namelookup",
  connect: "connect",
  appconnect: "appconnect",
  pretransfer: "pretransfer",
  starttransfer: "starttransfer",
  // The seed's -w format misspells it.
  starttransfe: "starttransfer",
  total: "total",
  http_code: "http_code",
  response_code: "http_code",
};

/** Default order of `a::b::c::d` lines, as in the seed's `-w` format. */
const DEFAULT_COLON_ORDER: Phase[] = ["namelookup", "connect", "starttransfer", "total"];

/** "time_namelookup:  5.012" or "connect: 0.003s" (a curl-format.txt style -w template). */
const KEY_VALUE_TIMING = /^((?:time_)?(?:namelookup|connect|appconnect|pretransfer|starttransfer|starttransfe|total))\s*[:=]\s*(\d+(?:\.\d+)?)\s*s?$/i;
const COLON_TIMING = /^\d+(?:\.\d+)?(?:::\d+(?:\.\d+)?){3,}$/;
const JSON_FIELD = /"(?:time_)?(namelookup|connect|appconnect|pretransfer|starttransfer|total|http_code|response_code)"\s*:\s*(\d+(?:\.\d+)?)/g;
const WRITE_OUT_VARIABLE = /%\{(?:time_)?(\w+)\}/g;
const NUMBER = /\d+(?:\.\d+)?/g;

/** Reads the `-w` template when the command is pasted; null stands for a variable we do not use. */
function writeOutOrder(line: string): (Phase | null)[] | undefined {
  if (!line.includes("%{")) return undefined;
  const phases = [...line.matchAll(WRITE_OUT_VARIABLE)].map((match) => PHASE_NAMES[match[1]] ?? null);
  return phases.filter(Boolean).length >= 2 ? phases : undefined;
}

/** A line of only numbers and separators, with exactly one number per template variable. */
function recordFromTemplate(line: string, lineNumber: number, order: (Phase | null)[]): TimingRecord | undefined {
  if (!/^[\d.:;,|/\s]+$/.test(line)) return undefined;
  const numbers = line.match(NUMBER) ?? [];
  if (numbers.length !== order.length) return undefined;
  const record: TimingRecord = {};
  order.forEach((phase, i) => {
    if (phase) record[phase] = { value: Number(numbers[i]), line, lineNumber };
  });
  return record;
}

function recordFromColons(line: string, lineNumber: number): TimingRecord | undefined {
  if (!COLON_TIMING.test(line)) return undefined;
  const parts = line.split("::");
  const record: TimingRecord = {};
  DEFAULT_COLON_ORDER.forEach((phase, i) => {
    record[phase] = { value: Number(parts[i]), line, lineNumber };
  });
  return record;
}

function recordFromJson(line: string, lineNumber: number): TimingRecord | undefined {
  if (!line.startsWith("{") || !line.includes('"time_')) return undefined;
  const record: TimingRecord = {};
  for (const match of line.matchAll(JSON_FIELD)) {
    const phase = PHASE_NAMES[match[1]];
    if (phase) record[phase] = { value: Number(match[2]), line, lineNumber };
  }
  return record;
}

/** At least two phases, one of them a connection phase: a lone "total: 3" is not curl's. */
function isTimingRecord(record: TimingRecord): boolean {
  const phases = Object.keys(record);
  return phases.length >= 2 && (record.namelookup || record.connect || record.starttransfer) !== undefined;
}

const inResolverTimeoutWindow = (seconds: number) => RESOLVER_TIMEOUT_WINDOWS.some(([low, high]) => seconds >= low && seconds <= high);
const fmt = (seconds: number) => `${Number(seconds.toFixed(3))} s`;

/** Turns one set of -w timings into signals (times are cumulative from the start of the request). */
function judgeTimings(record: TimingRecord, findings: Findings): void {
  const lookup = record.namelookup?.value ?? 0;
  if (record.namelookup && inResolverTimeoutWindow(lookup)) {
    findings.add("slow-name-lookup", record.namelookup.line, record.namelookup.lineNumber, {
      value: lookup,
      detail: `name lookup took ${fmt(lookup)}, the resolver's retry timeout`,
    });
  }
  const connectDone = record.connect?.value ?? 0;
  // A reused connection reports time_connect 0; the connect phase then did not happen.
  const connectPhase = connectDone > 0 ? Math.max(0, connectDone - lookup) : 0;
  if (record.connect && connectPhase >= SLOW_CONNECT_S) {
    findings.add("slow-connect", record.connect.line, record.connect.lineNumber, {
      value: connectPhase,
      detail: `TCP connect took ${fmt(connectPhase)} (after a ${fmt(lookup)} lookup)`,
    });
  }
  if (record.starttransfer) {
    const ready = Math.max(connectDone, record.appconnect?.value ?? 0, record.pretransfer?.value ?? 0);
    const wait = record.starttransfer.value - ready;
    if (wait >= SLOW_FIRST_BYTE_S && wait >= FIRST_BYTE_TO_CONNECT_RATIO * connectPhase) {
      const detail = `first byte came ${fmt(wait)} after the request was sent, while connect took ${fmt(connectPhase)}`;
      findings.add("slow-first-byte", record.starttransfer.line, record.starttransfer.lineNumber, { value: wait, detail });
    }
  }
}

function addHttpStatus(code: number, line: string, lineNumber: number, findings: Findings): void {
  if (code < 500 || code > 599) return;
  const detail = `HTTP ${code} response`;
  findings.add("http-5xx", line, lineNumber, { detail });
  if (code === 502) findings.add("http-502", line, lineNumber, { detail });
  if (code === 504) findings.add("http-504", line, lineNumber, { detail });
}

/**
 * Collects key: value timing lines into records; a repeated key starts the next request's record.
 * Bare "connect:" and "total:" are too common elsewhere, so a record also needs a curl-only name
 * (time_ prefix, namelookup, appconnect, pretransfer, starttransfer).
 */
class KeyValueRecords {
  private current: TimingRecord = {};
  private curlOnly = false;

  constructor(private readonly onRecord: (record: TimingRecord) => void) {}

  add(key: string, field: Field): void {
    const name = key.toLowerCase();
    const phase = PHASE_NAMES[name.replace(/^time_/, "")];
    if (this.current[phase]) this.flush();
    this.current[phase] = field;
    this.curlOnly ||= name.startsWith("time_") || (phase !== "connect" && phase !== "total");
  }

  flush(): void {
    if (this.curlOnly && isTimingRecord(this.current)) this.onRecord(this.current);
    this.current = {};
    this.curlOnly = false;
  }
}

// ---- the parser ------------------------------------------------------------------------------

/**
 * What the parser reads: blank lines and "<" (which end a header block), status and header lines,
 * curl's own messages, the timings `-w` prints (named, bare numbers or JSON) and its templates.
 */
const LINE_START =
  /^\s*(?:$|<\s*$|< |HTTP\/|content-length|\*|curl: \(|time_|namelookup|connect|appconnect|pretransfer|starttransfe|total|\{|[\d.:;,|/][\d.:;,|/\s]*$)/i;

function curlReader(source: EvidenceSource): LineReader {
  const findings = new Findings(true);
  const judge = (record: TimingRecord) => {
    if (isTimingRecord(record)) judgeTimings(record, findings);
    if (record.http_code) addHttpStatus(record.http_code.value, record.http_code.line, record.http_code.lineNumber, findings);
  };
  const keyValues = new KeyValueRecords(judge);
  let template: (Phase | null)[] | undefined;
  let connected = false;
  let responseSeen = false;
  let noBodyStatus: number | undefined;

  const read = (rawLine: string, lineNumber: number) => {
    const line = rawLine.trim();
    if (line === "" || line === "<") {
      noBodyStatus = undefined;
      return;
    }

    const status = STATUS_LINE.exec(line);
    if (status) {
      const code = Number(status[1]);
      responseSeen = true;
      noBodyStatus = code === 204 || code === 304 ? code : undefined;
      addHttpStatus(code, line, lineNumber, findings);
      return;
    }
    const length = noBodyStatus === undefined ? null : CONTENT_LENGTH.exec(line);
    if (length && Number(length[1]) > 0) {
      findings.add("http-204-with-length", line, lineNumber, {
        value: Number(length[1]),
        detail: `a ${noBodyStatus} response carries Content-Length: ${length[1]}; it can have no body, so the client may wait for one`,
      });
      return;
    }

    if (CURL_MESSAGE.test(line)) {
      readMessage(line, lineNumber);
      return;
    }
    template = writeOutOrder(line) ?? template;
    const keyValue = KEY_VALUE_TIMING.exec(line);
    if (keyValue) {
      keyValues.add(keyValue[1], { value: Number(keyValue[2]), line, lineNumber });
      return;
    }
    const record = (template && recordFromTemplate(line, lineNumber, template)) || recordFromColons(line, lineNumber) || recordFromJson(line, lineNumber);
    if (record) judge(record);
  };

  function readMessage(line: string, lineNumber: number): void {
    if (/^\*\s+Connected to /.test(line)) {
      connected = true;
      findings.add("connect-ok", line, lineNumber);
      return;
    }
    const id = classifyMessage(line);
    if (id) {
      findings.add(id, line, lineNumber);
      return;
    }
    // Connected, no response header, then the overall timeout: the server never answered.
    const timedOut = /Operation timed out after (\d+) milliseconds with 0 /.exec(line);
    if (timedOut && connected && !responseSeen) {
      const seconds = Number(timedOut[1]) / 1000;
      findings.add("slow-first-byte", line, lineNumber, { value: seconds, detail: `connected, then no response at all within ${fmt(seconds)}` });
    }
  }

  const finish = () => {
    keyValues.flush();
    return findings.toSignals(PARSER_ID, source, (id, hit) => {
      if (hit.detail) return hit.count > 1 ? `${hit.detail} (${hit.count} times)` : hit.detail;
      return `${DETAILS[id] ?? id}${hit.count > 1 ? ` (${hit.count} lines)` : ""}`;
    });
  };
  return { read, finish };
}

export const curlParser = defineParser({
  id: PARSER_ID,
  title: "curl -v / -I / -w timings",
  produces: [
    "conn-refused",
    "conn-timeout",
    "conn-reset",
    "empty-reply",
    "resolve-failed",
    "cannot-assign-address",
    "no-route-to-host",
    "connect-ok",
    "http-5xx",
    "http-502",
    "http-504",
    "http-204-with-length",
    "slow-first-byte",
    "slow-connect",
    "slow-name-lookup",
  ],
  reads: { words: ["%{"], also: (line) => LINE_START.test(line) },
  reader: curlReader,
});

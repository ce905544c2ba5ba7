import { countSuffix, Findings } from "../findings";
import { defineParser } from "../line-parser";
import { type EvidenceSource, type LineReader } from "../signal";
import type { SignalId } from "../vocabulary";

const PARSER_ID = "proxy-log";

/** Access-log lines have a few dozen fields; far longer lines are not access logs. */
const MAX_LOG_TOKENS = 120;

const STATUS_IDS = new Set<SignalId>(["http-5xx", "http-502", "http-504"]);

// ---- nginx / tengine / openresty error log ------------------------------------------------------

/** errno of a failed connect() to the upstream. */
const CONNECT_ERRNO: Record<string, SignalId> = {
  "111": "upstream-refused",
  "110": "upstream-timeout",
  "113": "no-route-to-host",
  "99": "cannot-assign-address",
  "24": "too-many-open-files",
};

function readNginxError(line: string, lineNumber: number, findings: Findings): boolean {
  const add = (id: SignalId, detail: string) => {
    findings.add(id, line, lineNumber, { detail });
    return true;
  };
  // Every message below names the upstream or errno 24: other lines skip the patterns.
  if (!line.includes("upstream") && !line.includes("(24: ")) return false;
  if (line.includes("no live upstreams while connecting to upstream"))
    return add("upstream-no-live", "nginx found no live upstream server: every server of the group is marked failed");
  const connect = /\b(?:connect|socket)\(\) (?:to \S+ )?failed \((\d+): ([^)]*)\) while connecting to upstream/.exec(line);
  if (connect && CONNECT_ERRNO[connect[1]]) return add(CONNECT_ERRNO[connect[1]], `nginx could not connect to the upstream: ${connect[2]}`);
  const timedOut = /\bupstream timed out \(110: [^)]*\) while ([a-z ]+upstream)/.exec(line);
  if (timedOut) return add("upstream-timeout", `nginx timed out ${timedOut[1]}`);
  const reset = /\(104: Connection reset by peer\) while ([a-z ]+upstream)/.exec(line);
  if (reset) return add("upstream-reset", `the upstream reset the connection ${reset[1]}`);
  const closed = /\bupstream prematurely closed connection while ([a-z ]+upstream)/.exec(line);
  if (closed) return add("upstream-reset", `the upstream closed the connection ${closed[1]}`);
  if (line.includes("(24: Too many open files)")) return add("too-many-open-files", "nginx ran out of file descriptors (EMFILE)");
  return false;
}

// ---- envoy ------------------------------------------------------------------------------------

function readEnvoyMessage(line: string, lineNumber: number, findings: Findings): boolean {
  const add = (id: SignalId, detail: string) => {
    findings.add(id, line, lineNumber, { detail });
    return true;
  };
  if (!line.includes("upstream")) return false;
  if (line.includes("no healthy upstream")) return add("upstream-no-live", "envoy has no healthy upstream host");
  const reason = /reset reason: ([a-z ]+)/.exec(line)?.[1];
  if (!reason || !line.includes("upstream connect error or disconnect/reset before headers")) return false;
  if (/connection failure/.test(reason) && /delayed connect error: 111|Connection refused/.test(line))
    return add("upstream-refused", "envoy's connect to the upstream was refused");
  if (/connection timeout/.test(reason)) return add("upstream-timeout", "envoy's connect to the upstream timed out");
  if (/connection termination|local reset|remote reset/.test(reason))
    return add("upstream-reset", `the upstream connection was reset before headers (${reason.trim()})`);
  return false;
}

/** Envoy access-log response flags (the token after the status). UF alone is refused OR timed out, so it is left out. */
const ENVOY_FLAGS: Record<string, [SignalId, string]> = {
  UC: ["upstream-reset", "envoy: upstream connection termination (UC)"],
  UT: ["upstream-timeout", "envoy: upstream request timeout (UT)"],
  UH: ["upstream-no-live", "envoy: no healthy upstream (UH)"],
};

// ---- HAProxy ----------------------------------------------------------------------------------

/** HAProxy termination state: the first two letters say who ended the session and in which phase. */
const HAPROXY_STATES: Record<string, [SignalId, string]> = {
  SC: ["upstream-refused", "HAProxy: the server refused the connection (SC)"],
  sC: ["upstream-timeout", "HAProxy: connect to the server timed out (sC)"],
  SH: ["upstream-reset", "HAProxy: the server aborted before sending complete headers (SH)"],
  sH: ["upstream-timeout", "HAProxy: the server timed out before sending headers (sH)"],
  SD: ["upstream-reset", "HAProxy: the server aborted during the data phase (SD)"],
};
const HAPROXY_HINT = /\d\/\+?-?\d+\/\+?-?\d|has no server available!/;
const HAPROXY_TIMERS = /^-?\d+(?:\/\+?-?\d+){2,4}$/;
const HAPROXY_STATE = /^[CSPLRIDKUcs-][RQCHDLT-](?:[A-Za-z-]{2})?$/;

function readHaproxy(tokens: string[], line: string, lineNumber: number, findings: Findings): number | undefined {
  if (line.includes("has no server available!")) {
    findings.add("upstream-no-live", line, lineNumber, { detail: "HAProxy: a backend has no server available" });
    return undefined;
  }
  const timers = tokens.findIndex((token) => HAPROXY_TIMERS.test(token));
  if (timers < 1 || !tokens[timers - 1].includes("/")) return undefined;
  const state = tokens.slice(timers + 1, timers + 7).find((token) => HAPROXY_STATE.test(token) && token.replace(/-/g, "") !== "");
  if (tokens[timers - 1].endsWith("/<NOSRV>"))
    findings.add("upstream-no-live", line, lineNumber, { detail: "HAProxy: no server was available for the request (<NOSRV>)" });
  else if (state && HAPROXY_STATES[state.slice(0, 2)]) {
    const [id, detail] = HAPROXY_STATES[state.slice(0, 2)];
    findings.add(id, line, lineNumber, { detail });
  }
  // HTTP mode has five timers followed by the status; TCP mode has three, followed by bytes.
  const status = tokens[timers + 1];
  return tokens[timers].split("/").length === 5 && /^\d{3}$/.test(status ?? "") ? Number(status) : undefined;
}

// ---- access logs ------------------------------------------------------------------------------

const HTTP_VERSION = /^HTTP\/\d(?:\.\d)?"?$/;
const METHOD = /^"?(?:GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH|CONNECT|TRACE)$/;
const SECONDS = /^-?\d+(?:\.\d+)?$/;

/** nginx combined/custom formats and envoy: `GET /path HTTP/1.1" 502 ...`; returns the status. */
function readRequestStatus(tokens: string[], line: string, lineNumber: number, findings: Findings): number | undefined {
  for (let i = 2; i < tokens.length - 1; i += 1) {
    if (!HTTP_VERSION.test(tokens[i]) || !METHOD.test(tokens[i - 2]) || !/^\d{3}$/.test(tokens[i + 1])) continue;
    const flags = tokens[i + 2]?.split(",") ?? [];
    for (const flag of flags) {
      const known = ENVOY_FLAGS[flag];
      if (known) findings.add(known[0], line, lineNumber, { detail: known[1] });
    }
    return Number(tokens[i + 1]);
  }
  return undefined;
}

/** AWS ELB/ALB: `client:port target:port 0.000 0.001 0.000 502 - ...`; returns the load balancer's status. */
function readElbStatus(tokens: string[]): number | undefined {
  for (let i = 1; i + 4 < tokens.length; i += 1) {
    const times = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (!/:\d+$|^-$/.test(tokens[i - 1]) || !times.every((token) => SECONDS.test(token))) continue;
    if (/^\d{3}$/.test(tokens[i + 3]) && /^(?:\d{3}|-)$/.test(tokens[i + 4])) return Number(tokens[i + 3]);
  }
  return undefined;
}

function addStatus(status: number, line: string, lineNumber: number, findings: Findings): void {
  if (status < 500 || status > 599) return;
  findings.add("http-5xx", line, lineNumber, { detail: "5xx responses" });
  if (status === 502) findings.add("http-502", line, lineNumber, { detail: "502 Bad Gateway responses" });
  if (status === 504) findings.add("http-504", line, lineNumber, { detail: "504 Gateway Timeout responses" });
}

// ---- the parser -------------------------------------------------------------------------------

/** Error logs name the upstream or errno 24, access logs carry "HTTP/", HAProxy lines its timers. */
const WORDS = ["upstream", "(24: ", "http/", "has no server available!"];
const HAPROXY_TIMERS_HINT = /\d\/\+?-?\d+\/\+?-?\d/;

function proxyLogReader(source: EvidenceSource): LineReader {
  const findings = new Findings();
  let requests = 0;
  const read = (rawLine: string, lineNumber: number) => {
    const line = rawLine.trim();
    if (line === "" || readNginxError(line, lineNumber, findings) || readEnvoyMessage(line, lineNumber, findings)) return;
    // Access logs carry "HTTP/x"; HAProxy lines carry slash-separated timers.
    const http = line.includes("HTTP/");
    const haproxy = HAPROXY_HINT.test(line);
    if (!http && !haproxy) return;
    const tokens = line.split(/\s+/);
    if (tokens.length > MAX_LOG_TOKENS) return;
    const status =
      (http ? (readRequestStatus(tokens, line, lineNumber, findings) ?? readElbStatus(tokens)) : undefined) ??
      (haproxy ? readHaproxy(tokens, line, lineNumber, findings) : undefined);
    if (status === undefined) return;
    requests += 1;
    addStatus(status, line, lineNumber, findings);
  };
  const finish = () =>
    findings.toSignals(PARSER_ID, source, (id, hit) => {
      const share = STATUS_IDS.has(id) && requests > 0 ? ` in ${hit.count} of ${requests} logged requests` : countSuffix(hit);
      return `${hit.detail}${share}`;
    });
  return { read, finish };
}

export const proxyLogParser = defineParser({
  id: PARSER_ID,
  title: "nginx / tengine / envoy / HAProxy logs",
  produces: [
    "upstream-no-live",
    "upstream-refused",
    "upstream-timeout",
    "upstream-reset",
    "too-many-open-files",
    "cannot-assign-address",
    "no-route-to-host",
    "http-5xx",
    "http-502",
    "http-504",
  ],
  reads: { words: WORDS, also: (line) => HAPROXY_TIMERS_HINT.test(line) },
  reader: proxyLogReader,
});

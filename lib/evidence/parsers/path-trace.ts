import { defineParser } from "../line-parser";
import { makeSignal, type EvidenceSource, type LineReader, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";

const PARSER_ID = "path-trace";

/**
 * A hop is lossy from 5% loss: with mtr's usual 10-100 probes that is at least one in twenty lost,
 * above the odd dropped probe. Loss only counts when it persists to the last hop: routers that
 * rate-limit ICMP replies show loss at their own hop while later hops are clean.
 */
const LOSSY_PERCENT = 5;
/** A path needs two hops; a single numbered line is more likely something else. */
const MIN_HOPS = 2;
/** Hop rows are short: three probes, an AS, a name and an address, or a few ECMP answers. */
const MAX_HOP_LINE = 300;

type Hop = {
  number: number;
  /** The answering address or name; null when nothing answered ("???", "* * *"). */
  address: string | null;
  /** Loss in percent: mtr's Loss% column (traceroute's three probes are too few to measure loss). */
  loss?: number;
  allProbesAnswered: boolean;
  markers: string[];
  line: string;
  lineNumber: number;
};

type Run = { tool: "mtr" | "traceroute"; destination?: string; hops: Hop[] };

// ---- reading hop lines ------------------------------------------------------------------------

const NUMBER = /^\d+(?:\.\d*)?$/;

/** "  3.|-- 10.0.0.1   35.0%   100  1.2  1.3  1.1  2.0  0.2", with optional AS and "(ip)" columns. */
function readMtrHop(line: string, lineNumber: number): Hop | undefined {
  const match = /^(\d+)\.(?:\|--)?\s+(\S.*)$/.exec(line);
  if (!match) return undefined;
  const tokens = match[2].split(/\s+/);
  // Loss% Snt Last Avg Best Wrst StDev.
  const stats = tokens.slice(-7);
  if (tokens.length < 8 || !stats.slice(1).every((token) => NUMBER.test(token))) return undefined;
  if (!/^\d+(?:\.\d+)?%?$/.test(stats[0])) return undefined;
  const loss = Number(stats[0].replace(/%$/, ""));
  const names = tokens.slice(0, -7).filter((token) => !/^AS[\d?]+$/.test(token));
  const bracketed = names.find((token) => /^\(.+\)$/.test(token));
  const name = bracketed ? bracketed.slice(1, -1) : names[0];
  const address = !name || name === "???" ? null : name;
  return { number: Number(match[1]), address, loss, allProbesAnswered: loss === 0, markers: [], line, lineNumber };
}

/** What tracert prints after three stars. */
const SILENT_TEXT = new Set(["Request", "timed", "out.", "请求超时。"]);

/** traceroute (" 3  10.0.0.1 (10.0.0.1)  1.2 ms !H  *  1.3 ms") and Windows tracert rows. */
function readTracerouteHop(line: string, lineNumber: number): Hop | undefined {
  const match = /^(\d+)\s+(\S.*)$/.exec(line);
  if (!match) return undefined;
  const number = Number(match[1]);
  const tokens = match[2].split(/\s+/);
  if (tokens[0] === "*" && tokens.every((token) => token === "*" || SILENT_TEXT.has(token))) {
    return { number, address: null, allProbesAnswered: false, markers: [], line, lineNumber };
  }
  let answered = 0;
  let address: string | null = null;
  const markers: string[] = [];
  tokens.forEach((token, i) => {
    if ((token === "ms" || token === "毫秒") && i > 0 && /^<?\d+(?:\.\d+)?$/.test(tokens[i - 1])) answered += 1;
    else if (/^!\w*$/.test(token)) markers.push(token);
    else address ??= hopAddress(token);
  });
  // tracert: "  4  192.168.1.1  reports: Destination host unreachable."
  if (answered === 0 && /reports: Destination (?:host|net) unreachable/i.test(line)) markers.push("unreachable");
  if (address === null || (answered === 0 && markers.length === 0)) return undefined;
  return { number, address, allProbesAnswered: !tokens.includes("*"), markers, line, lineNumber };
}

/** An IP, "(ip)" or "[ip]" as traceroute and tracert print them; names are skipped in favour of the IP. */
function hopAddress(token: string): string | null {
  const bare = token.replace(/^[([]|[)\]]$/g, "");
  return /^(?:\d{1,3}\.){3}\d{1,3}$/.test(bare) || /^[\da-f]*:[\da-f:]+$/i.test(bare) ? bare : null;
}

function readHeader(line: string): Run | undefined {
  const traceroute = /^traceroute6? to \S+ \(([^)]+)\)/.exec(line);
  if (traceroute) return { tool: "traceroute", destination: traceroute[1], hops: [] };
  const tracert = /^(?:Tracing route to|通过最多 \d+ 个跃点跟踪到) (\S+)(?: \[([^\]]+)\])?/.exec(line);
  if (tracert) return { tool: "traceroute", destination: tracert[2] ?? tracert[1], hops: [] };
  if (/^(?:Start: |HOST: \S+\s+Loss%)/.test(line)) return { tool: "mtr", hops: [] };
  return undefined;
}

// ---- judging a path ---------------------------------------------------------------------------

type Emit = (id: SignalId, hop: Hop, extra: { value?: number; detail: string }) => void;

function judgeRun(run: Run, emit: Emit): void {
  const hops = run.hops;
  if (hops.length < MIN_HOPS) return;
  judgeMarkers(hops, emit);
  judgeLoop(hops, emit);

  let silentTail = 0;
  while (silentTail < hops.length && hops[hops.length - 1 - silentTail].address === null) silentTail += 1;
  if (silentTail > 0) {
    const first = hops[hops.length - silentTail];
    emit("path-timeouts", first, { value: silentTail, detail: `no answer from hop ${first.number} to the end of the trace (${silentTail} hop(s))` });
  }
  const answering = hops.filter((hop) => hop.address !== null);
  const last = answering.at(-1);
  if (!last) return;
  const reached = silentTail === 0 && (run.destination === undefined || run.destination === last.address);
  if (run.tool === "mtr") judgeLoss(answering, reached, emit);
  else if (reached && last.allProbesAnswered && hops.every((hop) => hop.markers.length === 0)) {
    emit("path-clean", last, { value: hops.length, detail: `the destination answered every probe at hop ${last.number}` });
  }
}

/** Finds where loss starts and persists to the last answering hop. */
function judgeLoss(answering: Hop[], reached: boolean, emit: Emit): void {
  const lossy = (hop: Hop) => (hop.loss ?? 0) >= LOSSY_PERCENT;
  const last = answering[answering.length - 1];
  if (!lossy(last)) {
    if (!reached) return;
    const transient = answering.filter(lossy);
    const detail = transient.length
      ? `loss at hop(s) ${transient.map((hop) => hop.number).join(", ")} does not persist to the destination (ICMP rate limiting)`
      : "no loss at any hop";
    emit("path-clean", last, { value: answering.length, detail });
    return;
  }
  let start = answering.length - 1;
  while (start > 0 && lossy(answering[start - 1])) start -= 1;
  const first = answering[start];
  if (start < answering.length - 1) {
    emit("path-loss-midway", first, {
      value: first.loss,
      detail: `loss starts at hop ${first.number} (${first.loss}%) and persists to hop ${last.number} (${last.loss}%)`,
    });
  } else if (reached) {
    emit("path-loss-final-hop", last, { value: last.loss, detail: `only the last hop (${last.number}) shows loss: ${last.loss}%` });
  }
}

/** The same address answering again after a different one answered in between. */
function judgeLoop(hops: Hop[], emit: Emit): void {
  const earlier = new Map<string, Hop>();
  let previous: string | null = null;
  for (const hop of hops) {
    if (hop.address === null) continue;
    const first = earlier.get(hop.address);
    if (first && hop.address !== previous) {
      emit("path-loop", hop, { detail: `${hop.address} answers at hop ${first.number} and again at hop ${hop.number}: the path loops` });
      return;
    }
    if (!first) earlier.set(hop.address, hop);
    previous = hop.address;
  }
}

function judgeMarkers(hops: Hop[], emit: Emit): void {
  for (const hop of hops) {
    if (hop.markers.includes("!X"))
      emit("icmp-admin-prohibited", hop, { detail: `hop ${hop.number} answered 'communication administratively prohibited' (!X)` });
    const unreachable = hop.markers.find((marker) => marker === "!H" || marker === "!N" || marker === "unreachable");
    if (unreachable) emit("icmp-host-unreachable", hop, { detail: `hop ${hop.number} answered host/net unreachable (${unreachable})` });
  }
}

// ---- the parser -------------------------------------------------------------------------------

/** Headers and mtr rows by how they start; a traceroute row starts with its number and holds an address or a star. */
const HEADER_OR_MTR_ROW = /^\s*(?:\d+\.(?:\|--)?\s|traceroute|Tracing route to|通过最多|Start: |HOST: )/;
const NUMBERED = /^\s*\d+\s/;
const ADDRESS_OR_STAR = /\d\.\d|:|\*/;

function pathTraceReader(source: EvidenceSource): LineReader {
  const runs: Run[] = [];
  let run: Run | undefined;
  const read = (rawLine: string, lineNumber: number) => {
    const line = rawLine.trim();
    if (line === "") return; // neither a header nor a hop
    const header = readHeader(line);
    if (header) {
      run = header;
      runs.push(run);
      return;
    }
    if (line.length > MAX_HOP_LINE) return;
    const hop = readMtrHop(line, lineNumber) ?? readTracerouteHop(line, lineNumber);
    if (!hop) return;
    const tool = hop.loss === undefined ? "traceroute" : "mtr";
    // A hop number that does not grow starts a new trace pasted without its header.
    const last = run?.hops.at(-1);
    if (!run || run.tool !== tool || (last && hop.number <= last.number)) {
      run = { tool, hops: [] };
      runs.push(run);
    }
    run.hops.push(hop);
  };
  const finish = () => {
    const signals = new Map<SignalId, Signal>();
    const emit: Emit = (id, hop, extra) => {
      if (!signals.has(id)) signals.set(id, makeSignal(id, PARSER_ID, hop.line, hop.lineNumber, source, extra));
    };
    runs.forEach((each) => judgeRun(each, emit));
    return [...signals.values()];
  };
  return { read, finish };
}

export const pathTraceParser = defineParser({
  id: PARSER_ID,
  title: "mtr / traceroute / tracert",
  produces: ["path-loss-midway", "path-loss-final-hop", "path-loop", "path-clean", "path-timeouts", "icmp-admin-prohibited", "icmp-host-unreachable"],
  reads: { also: (line) => HEADER_OR_MTR_ROW.test(line) || (NUMBERED.test(line) && ADDRESS_OR_STAR.test(line)) },
  reader: pathTraceReader,
});

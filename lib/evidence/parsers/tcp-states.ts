import { defineParser, NOT_BLANK } from "../line-parser";
import { makeSignal, type EvidenceSource, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";

const ID = "tcp-states";

/** Every spelling of a TCP state (netstat, ss, ss state filters, Windows, macOS) → netstat name. */
const STATE_NAMES = new Map<string, string>([
  ["ESTABLISHED", "ESTABLISHED"],
  ["ESTAB", "ESTABLISHED"],
  ["SYN_SENT", "SYN_SENT"],
  ["SYN_RECV", "SYN_RECV"],
  ["SYN_RECEIVED", "SYN_RECV"],
  ["FIN_WAIT1", "FIN_WAIT1"],
  ["FIN_WAIT_1", "FIN_WAIT1"],
  ["FIN_WAIT2", "FIN_WAIT2"],
  ["FIN_WAIT_2", "FIN_WAIT2"],
  ["TIME_WAIT", "TIME_WAIT"],
  ["CLOSE", "CLOSE"],
  ["CLOSED", "CLOSE"],
  ["CLOSE_WAIT", "CLOSE_WAIT"],
  ["LAST_ACK", "LAST_ACK"],
  ["LISTEN", "LISTEN"],
  ["LISTENING", "LISTEN"],
  ["CLOSING", "CLOSING"],
]);

/** The state a word names, whatever the tool's spelling ("TIME-WAIT", "time-wait", "CLOSE_WAIT"). */
export function tcpStateOf(word: string): string | undefined {
  if (word.length > 16) return undefined;
  return STATE_NAMES.get(word.toUpperCase().replaceAll("-", "_"));
}

type StateRule = { signal: SignalId; min: number; minShare: number; why: string };

/**
 * When a state count is abnormal. CLOSE_WAIT and FIN_WAIT2 last milliseconds on a healthy host,
 * so 100 of them that are also a tenth of the sockets is a leak or a pile-up, not traffic (the
 * share leaves TIME_WAIT out: those belong to no process and would hide a leak on a busy host).
 * TIME_WAIT is normal on busy clients; 10000 is a third of the default ephemeral port range
 * (28232 ports), where new connections to one destination start to fail. SYN_RECV near 100
 * fills a default-sized SYN queue (somaxconn 128); SYN_SENT normally lasts one round trip, so
 * 50 at one instant means connects are not being answered.
 */
const STATE_RULES = new Map<string, StateRule>([
  ["CLOSE_WAIT", { signal: "many-close-wait", min: 100, minShare: 0.1, why: "at least 100 and 10% of the sockets" }],
  ["FIN_WAIT2", { signal: "many-fin-wait2", min: 100, minShare: 0.1, why: "at least 100 and 10% of the sockets" }],
  ["TIME_WAIT", { signal: "many-time-wait", min: 10000, minShare: 0, why: "at least 10000" }],
  ["SYN_RECV", { signal: "many-syn-recv", min: 100, minShare: 0, why: "at least 100" }],
  ["SYN_SENT", { signal: "many-syn-sent", min: 50, minShare: 0, why: "at least 50" }],
]);

/**
 * The signal a count of sockets in `state` amounts to, if any. `total` (TCP sockets not in
 * TIME_WAIT) when known.
 */
export function stateCountSignal(state: string, count: number, total?: number): { signal: SignalId; why: string } | undefined {
  const rule = STATE_RULES.get(state);
  if (!rule || count < rule.min) return undefined;
  if (total !== undefined && total > 0 && count < rule.minShare * total) return undefined;
  return { signal: rule.signal, why: rule.why };
}

type Tally = { count: number; line: string; lineNumber: number };

/** One socket table or state summary: counts per state, and the line each count is shown on. */
type Table = { states: Map<string, Tally>; total: number };

/** The sockets a share is measured against: all but TIME_WAIT. */
const liveSockets = (table: Table) => table.total - (table.states.get("TIME_WAIT")?.count ?? 0);

const INTEGER = /^\d+$/;
/** Every state name contains one of these; lines without any cannot be rows or summaries. */
const STATE_HINT = /ESTAB|LISTEN|_WAIT|-WAIT|SYN_|SYN-|CLOSE|LAST_|LAST-|UNCONN|estab|listen|-wait|syn-|close|last-ack|unconn/;
const ADDRESS = /^\S*[:.](?:\d+|\*|[a-z][\w-]*)$/;
const TABLE_HEADER = /^(?:Proto\s+Recv-Q|State\s+Recv-Q|Netid\s+State|Recv-Q\s+Send-Q|Active Internet connections|Proto\s+Local Address)/;
/** A command counting lines (`| wc -l`, `grep -c`): the next bare number is a socket count. */
const COUNTING_COMMAND = /\|\s*wc\s+-l\s*$|\bgrep\s+-c\b/;
const SUMMARY_STATE_FIRST = /^([A-Za-z][A-Za-z0-9_-]{3,15})\s+(\d+)$/;
const SUMMARY_COUNT_FIRST = /^(\d+)\s+([A-Za-z][A-Za-z0-9_-]{3,15})$/;

/** The state of one socket row of netstat (Linux, busybox, macOS, Windows) or ss. */
function rowState(tokens: string[]): string | undefined {
  const first = tokens[0].toLowerCase();
  if (/^tcp(?:4|6|46)?$/.test(first)) {
    // netstat: proto Recv-Q Send-Q local foreign state; Windows: proto local foreign state.
    const at = INTEGER.test(tokens[1] ?? "") ? 5 : 3;
    if (!ADDRESS.test(tokens[at - 1] ?? "")) return undefined;
    const state = tcpStateOf(tokens[at] ?? "");
    if (state) return state;
    // ss -a with a Netid column: tcp STATE Recv-Q Send-Q local peer.
    return ssRowState(tokens.slice(1));
  }
  return ssRowState(tokens);
}

function ssRowState(tokens: string[]): string | undefined {
  if (!INTEGER.test(tokens[1] ?? "") || !INTEGER.test(tokens[2] ?? "") || !ADDRESS.test(tokens[3] ?? "")) return undefined;
  return tcpStateOf(tokens[0]);
}

/** A state-count line: awk's "TIME_WAIT 30000" or `uniq -c`'s "30000 TIME-WAIT". */
function summaryOf(line: string): { state: string; count: number } | undefined {
  const stateFirst = SUMMARY_STATE_FIRST.exec(line);
  if (stateFirst) {
    const state = tcpStateOf(stateFirst[1]);
    return state ? { state, count: Number(stateFirst[2]) } : undefined;
  }
  const countFirst = SUMMARY_COUNT_FIRST.exec(line);
  if (!countFirst) return undefined;
  const state = tcpStateOf(countFirst[2]);
  return state ? { state, count: Number(countFirst[1]) } : undefined;
}

/** The state a `ss ... state time-wait` command filters on: its rows carry no State column. */
function ssStateFilter(words: string[]): string | undefined {
  const ss = words.findIndex((word) => word === "ss" || word.endsWith("/ss"));
  if (ss < 0) return undefined;
  for (let at = ss + 1; at < words.length - 1 && words[at] !== "|"; at++) {
    if (words[at] === "state") return tcpStateOf(words[at + 1]);
  }
  return undefined;
}

/** The one state a counting command filters on (`grep CLOSE_WAIT | wc -l`, `state close-wait`). */
function countedState(command: string): string | undefined {
  if (!COUNTING_COMMAND.test(command)) return undefined;
  const states = new Set<string>();
  for (const word of command.split(/[\s'"|=]+/)) {
    const state = tcpStateOf(word);
    if (state) states.add(state);
  }
  return states.size === 1 ? [...states][0] : undefined;
}

class StateReader {
  readonly tables: Table[] = [];
  readonly counted: (Tally & { state: string })[] = [];
  private table: Table = { states: new Map(), total: 0 };
  private filterState?: string;
  private pendingCount?: string;

  constructor(command: string | undefined) {
    if (command) this.readCommand(command);
  }

  read(raw: string, lineNumber: number): void {
    const line = raw.trim();
    if (!line) return;
    if (this.pendingCount && INTEGER.test(line)) {
      this.counted.push({ state: this.pendingCount, count: Number(line), line: raw, lineNumber });
      this.pendingCount = undefined;
      return;
    }
    this.pendingCount = undefined;
    if (TABLE_HEADER.test(line)) {
      this.startTable();
      return;
    }
    // Rows and summaries name a state, except rows under an `ss state X` filter: skip the rest cheaply.
    if (!this.filterState && !STATE_HINT.test(line)) {
      this.startTable();
      this.readCommand(line);
      return;
    }
    const tokens = line.split(/\s+/);
    const state = this.filterState && INTEGER.test(tokens[0]) ? this.filteredRowState(tokens) : rowState(tokens);
    if (state) {
      this.add(state, 1, raw, lineNumber);
      return;
    }
    const summary = summaryOf(line);
    if (summary) {
      this.add(summary.state, summary.count, raw, lineNumber);
      return;
    }
    // Anything else (a prompt, a note, another tool's output) ends the current table.
    this.startTable();
    this.readCommand(line);
  }

  /** A line with no state, header, count or command: under `ss state X` it may be a row, else it ends the table. */
  skip(raw: string, lineNumber: number): void {
    if (this.filterState) this.read(raw, lineNumber);
    else if (NOT_BLANK.test(raw)) {
      this.pendingCount = undefined;
      this.startTable();
    }
  }

  finish(): Table[] {
    this.startTable();
    return this.tables;
  }

  private readCommand(line: string): void {
    this.filterState = line.includes("state") ? ssStateFilter(line.split(/\s+/)) : undefined;
    this.pendingCount = countedState(line);
  }

  /** A row of `ss ... state X` output: Recv-Q Send-Q local peer, all in the filtered state. */
  private filteredRowState(tokens: string[]): string | undefined {
    return INTEGER.test(tokens[1] ?? "") && ADDRESS.test(tokens[2] ?? "") ? this.filterState : undefined;
  }

  private add(state: string, count: number, line: string, lineNumber: number): void {
    const tally = this.table.states.get(state);
    if (tally) tally.count += count;
    else this.table.states.set(state, { count, line, lineNumber });
    this.table.total += count;
  }

  private startTable(): void {
    if (this.table.total === 0) return;
    this.tables.push(this.table);
    this.table = { states: new Map(), total: 0 };
  }
}

function tableSignals(tables: Table[], source: EvidenceSource): Signal[] {
  // With several snapshots, the largest count of each state is reported.
  const best = new Map<SignalId, Signal>();
  for (const table of tables) {
    for (const [state, tally] of table.states) {
      const verdict = stateCountSignal(state, tally.count, liveSockets(table));
      if (!verdict || (best.get(verdict.signal)?.value ?? 0) >= tally.count) continue;
      best.set(
        verdict.signal,
        makeSignal(verdict.signal, ID, tally.line, tally.lineNumber, source, {
          value: tally.count,
          detail: `${tally.count} of ${table.total} TCP sockets are in ${state} (${verdict.why})`,
        }),
      );
    }
  }
  return [...best.values()];
}

function countedSignals(counted: StateReader["counted"], source: EvidenceSource): Signal[] {
  return counted.flatMap(({ state, count, line, lineNumber }) => {
    const verdict = stateCountSignal(state, count);
    if (!verdict) return [];
    return [
      makeSignal(verdict.signal, ID, line, lineNumber, source, {
        value: count,
        detail: `the command counted ${count} lines of sockets in ${state} (${verdict.why})`,
      }),
    ];
  });
}

/** Words of STATE_HINT (in any case), of table headers and of commands naming a state or counting lines; and bare counts. */
const WORDS = "estab|listen|_wait|-wait|syn_|syn-|close|last_|last-|unconn|state|wc|grep|proto|netid|recv-q|active internet".split("|");
const BARE_COUNT = /^\s*\d+\s*$/;

export const tcpStatesParser = defineParser({
  id: ID,
  title: "TCP socket states (netstat -ant, ss -tan, state counts)",
  produces: ["many-close-wait", "many-fin-wait2", "many-time-wait", "many-syn-recv", "many-syn-sent"],
  reads: { words: WORDS, also: (line) => BARE_COUNT.test(line) },
  reader(source) {
    const reader = new StateReader(source.kind === "output" ? source.command : undefined);
    return {
      read: (line, lineNumber) => reader.read(line, lineNumber),
      skip: (line, lineNumber) => reader.skip(line, lineNumber),
      finish: () => [...tableSignals(reader.finish(), source), ...countedSignals(reader.counted, source)],
    };
  },
});

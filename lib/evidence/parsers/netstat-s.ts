import { counterChange, describeChange, recordReading, sinceBootOf, type CounterReadings } from "../counters";
import { defineParser } from "../line-parser";
import { makeSignal, type EvidenceSource, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";

const ID = "netstat-s";

// ---------------------------------------------------------------------------------------------
// netstat -s / nstat / /proc/net/netstat + /proc/net/snmp

type Counter =
  | "ListenOverflows"
  | "ListenDrops"
  | "PAWSPassive"
  | "SyncookiesSent"
  | "TCPReqQFullDrop"
  | "TCPReqQFullDoCookies"
  | "RetransSegs"
  | "OutSegs"
  | "TCPTimeouts"
  | "UdpRcvbufErrors"
  | "UdpInErrors"
  | "Udp6RcvbufErrors"
  | "Udp6InErrors"
  | "TCPTimeWaitOverflow"
  | "TCPWqueueTooBig";

/** Counters that become a signal as soon as they are > 0 (or rose). Retransmits need a rate. */
const COUNTER_SIGNALS: [Counter, SignalId][] = [
  ["ListenOverflows", "listen-overflows"],
  ["ListenDrops", "listen-drops"],
  ["PAWSPassive", "paws-passive-rejected"],
  ["SyncookiesSent", "syncookies-sent"],
  ["TCPReqQFullDrop", "syn-queue-drops"],
  ["TCPReqQFullDoCookies", "syn-queue-drops"],
  ["TCPTimeouts", "tcp-timeouts"],
  ["UdpRcvbufErrors", "udp-rcvbuf-errors"],
  ["Udp6RcvbufErrors", "udp-rcvbuf-errors"],
  ["UdpInErrors", "udp-in-errors"],
  ["Udp6InErrors", "udp-in-errors"],
  ["TCPTimeWaitOverflow", "tw-bucket-overflow"],
  ["TCPWqueueTooBig", "tcp-wqueue-too-big"],
];

/** netstat -s sentences (old and new net-tools wording) and the section each belongs to. */
const PHRASES = new Map<string, { counter: Counter; section: string }>([
  ["times the listen queue of a socket overflowed", { counter: "ListenOverflows", section: "tcpext" }],
  ["syns to listen sockets dropped", { counter: "ListenDrops", section: "tcpext" }],
  ["syns to listen sockets ignored", { counter: "ListenDrops", section: "tcpext" }],
  ["passive connections rejected because of time stamp", { counter: "PAWSPassive", section: "tcpext" }],
  ["syn cookies sent", { counter: "SyncookiesSent", section: "tcpext" }],
  ["other tcp timeouts", { counter: "TCPTimeouts", section: "tcpext" }],
  ["segments retransmitted", { counter: "RetransSegs", section: "tcp" }],
  ["segments retransmited", { counter: "RetransSegs", section: "tcp" }],
  ["segments sent out", { counter: "OutSegs", section: "tcp" }],
  ["segments send out", { counter: "OutSegs", section: "tcp" }],
  ["packet receive errors", { counter: "UdpInErrors", section: "udp" }],
  ["receive buffer errors", { counter: "UdpRcvbufErrors", section: "udp" }],
  // FreeBSD and macOS netstat -s.
  ["listen queue overflows", { counter: "ListenOverflows", section: "tcp" }],
  ["dropped due to full socket buffers", { counter: "UdpRcvbufErrors", section: "udp" }],
]);

/** Windows `netstat -s` ("  Segments Retransmitted              = 34567"), by section. */
const WINDOWS_LINE = /^(Segments Retransmitted|Segments Sent|Receive Errors)\s+= (\d+)$/;
const WINDOWS_SECTION = /^(TCP|UDP) Statistics for IPv[46]$/;
const WINDOWS_COUNTERS: Record<string, { counter: Counter; section: string }> = {
  "segments retransmitted": { counter: "RetransSegs", section: "tcp" },
  "segments sent": { counter: "OutSegs", section: "tcp" },
  "receive errors": { counter: "UdpInErrors", section: "udp" },
};

/** netstat -s prints counters it has no sentence for as "TCPReqQFullDrop: 12" under TcpExt. */
const TCPEXT_NAMES = new Map<string, Counter>(
  (["TCPReqQFullDrop", "TCPReqQFullDoCookies", "TCPTimeWaitOverflow", "TCPWqueueTooBig", "TCPTimeouts"] as const).map((name) => [name.toLowerCase(), name]),
);

/** nstat names, which are also the /proc/net/netstat and /proc/net/snmp "Prefix: Name" pairs. */
const NSTAT_NAMES = new Map<string, Counter>([
  ["tcpextlistenoverflows", "ListenOverflows"],
  ["tcpextlistendrops", "ListenDrops"],
  ["tcpextpawspassive", "PAWSPassive"],
  ["tcpextsyncookiessent", "SyncookiesSent"],
  ["tcpexttcpreqqfulldrop", "TCPReqQFullDrop"],
  ["tcpexttcpreqqfulldocookies", "TCPReqQFullDoCookies"],
  ["tcpexttcptimeouts", "TCPTimeouts"],
  ["tcpexttcptimewaitoverflow", "TCPTimeWaitOverflow"],
  ["tcpexttcpwqueuetoobig", "TCPWqueueTooBig"],
  ["tcpretranssegs", "RetransSegs"],
  ["tcpoutsegs", "OutSegs"],
  ["udprcvbuferrors", "UdpRcvbufErrors"],
  ["udpinerrors", "UdpInErrors"],
  ["udp6rcvbuferrors", "Udp6RcvbufErrors"],
  ["udp6inerrors", "Udp6InErrors"],
]);

/**
 * Counter names as monitoring exports and dashboards print them: JSON or key=value
 * (`"TcpExtListenOverflows": 1204`, `ListenOverflows=1204`) and table columns.
 */
const METRIC_NAMES = new Map<string, Counter>([
  ...NSTAT_NAMES,
  ...(
    [
      "ListenOverflows",
      "ListenDrops",
      "PAWSPassive",
      "SyncookiesSent",
      "TCPReqQFullDrop",
      "TCPReqQFullDoCookies",
      "TCPTimeouts",
      "TCPTimeWaitOverflow",
      "TCPWqueueTooBig",
      "RetransSegs",
      "OutSegs",
    ] as const
  ).map((name): [string, Counter] => [name.toLowerCase(), name]),
]);
/** Any metric name in a line: only such lines (and the rows under a table header) are read as metrics. */
const ANY_METRIC_NAME = new RegExp(`(?:${[...METRIC_NAMES.keys()].sort((x, y) => y.length - x.length).join("|")})`, "i");
const METRIC_PAIR = /"?\b([A-Za-z][A-Za-z0-9]{6,40})"?\s{0,3}[:=]\s{0,3}"?(\d{1,15})\b/g;

const SECTION_HEADER = /^([A-Za-z][A-Za-z0-9]{1,20}):$/;
const SENTENCE = /^(\d+) ([a-zA-Z][a-zA-Z ]{5,80})$/;
const NAMED_VALUE = /^([A-Za-z][A-Za-z0-9]{2,60}): (\d+)$/;
const NSTAT_LINE = /^([A-Za-z][A-Za-z0-9]{2,60})\s+(\d+)(?:\s+\d+(?:\.\d+)?)?$/;
const PROC_PAIR = /^(TcpExt|Tcp|Udp|Udp6): (.+)$/;
/** An nstat invocation (flags or counter names follow); with -a (--ignore) it prints totals, else increments. */
const NSTAT_COMMAND = /(?:^|[\s;|&$#>/])nstat(?:\s+([-A-Z].*))?$/;

type Reader = {
  readings: Map<string, CounterReadings>;
  /** Current netstat -s section ("tcp", "tcpext", "udp", ...), unknown in grep excerpts. */
  section?: string;
  /** Whether the last nstat run named in the paste prints increments rather than totals. */
  nstatIncrements: boolean;
  /** Column names of the last /proc/net/netstat or /proc/net/snmp header, by prefix. */
  procHeaders: Map<string, string[]>;
  /** The counters of the last table header that named any (undefined for other columns). */
  tableColumns?: (Counter | undefined)[];
};

function nstatPrintsIncrements(args: string | undefined): boolean {
  const flags = (args ?? "").split(/\s+/).filter((word) => word.startsWith("-"));
  return !flags.some((flag) => flag === "--ignore" || (/^-[a-z]+$/i.test(flag) && flag.includes("a")));
}

function readLine(reader: Reader, raw: string, lineNumber: number): void {
  const line = raw.trim();
  if (!line) return;
  const command = line.includes("nstat") ? NSTAT_COMMAND.exec(line) : null;
  if (command) {
    reader.nstatIncrements = nstatPrintsIncrements(command[1]);
    return;
  }
  const header = SECTION_HEADER.exec(line);
  if (header) {
    reader.section = header[1].toLowerCase();
    return;
  }
  // netstat -s body lines are indented; anything else (a prompt, another tool) ends the section.
  if (!/^\s/.test(raw)) reader.section = undefined;

  const sentence = SENTENCE.exec(line);
  if (sentence) {
    const known = PHRASES.get(sentence[2].toLowerCase());
    if (known && (!reader.section || reader.section === known.section)) {
      recordReading(reader.readings, known.counter, Number(sentence[1]), raw, lineNumber);
    }
    return;
  }
  const named = NAMED_VALUE.exec(line);
  if (named) {
    const counter = TCPEXT_NAMES.get(named[1].toLowerCase());
    if (counter) {
      recordReading(reader.readings, counter, Number(named[2]), raw, lineNumber);
      return;
    }
  }
  const nstat = NSTAT_LINE.exec(line);
  if (nstat) {
    const counter = NSTAT_NAMES.get(nstat[1].toLowerCase());
    if (counter) {
      recordReading(reader.readings, counter, Number(nstat[2]), raw, lineNumber, reader.nstatIncrements);
      return;
    }
  }
  const pair = PROC_PAIR.exec(line);
  if (pair) {
    readProcPair(reader, pair[1], pair[2], raw, lineNumber);
    return;
  }
  const windowsSection = WINDOWS_SECTION.exec(line);
  if (windowsSection) {
    reader.section = windowsSection[1].toLowerCase();
    return;
  }
  const windows = WINDOWS_LINE.exec(line);
  if (windows) {
    const known = WINDOWS_COUNTERS[windows[1].toLowerCase()];
    if (reader.section === known.section) recordReading(reader.readings, known.counter, Number(windows[2]), raw, lineNumber);
    return;
  }
  readMetrics(reader, line, raw, lineNumber);
}

/** Monitoring output: named values anywhere in a line, or a table whose header names counters. */
function readMetrics(reader: Reader, line: string, raw: string, lineNumber: number): void {
  if (!ANY_METRIC_NAME.test(line)) {
    if (reader.tableColumns) readTableRow(reader, line, raw, lineNumber);
    return;
  }
  let named = false;
  const pairs = line.includes(":") || line.includes("=") ? line.matchAll(METRIC_PAIR) : [];
  for (const match of pairs) {
    const counter = METRIC_NAMES.get(match[1].toLowerCase());
    if (!counter) continue;
    recordReading(reader.readings, counter, Number(match[2]), raw, lineNumber);
    named = true;
  }
  if (named) return;
  const cells = line.split(/[\s|,]+/).filter(Boolean);
  const columns = cells.map((cell) => METRIC_NAMES.get(cell.toLowerCase()));
  if (columns.some(Boolean) && cells.every((cell) => !/^\d/.test(cell))) {
    reader.tableColumns = columns;
    return;
  }
  if (reader.tableColumns) readTableRow(reader, line, raw, lineNumber);
}

function readTableRow(reader: Reader, line: string, raw: string, lineNumber: number): void {
  const header = reader.tableColumns!;
  const cells = line.split(/[\s|,]+/).filter(Boolean);
  // Rows may lead with a time stamp split into more cells: align on the right.
  const offset = cells.length - header.length;
  const row = offset >= 0 && header.every((counter, index) => !counter || /^\d+$/.test(cells[index + offset]));
  if (!row) {
    // A table ends at the first line that is not one of its rows.
    reader.tableColumns = undefined;
    return;
  }
  header.forEach((counter, index) => {
    if (counter) recordReading(reader.readings, counter, Number(cells[index + offset]), raw, lineNumber);
  });
}

/** /proc/net/netstat and /proc/net/snmp: a "TcpExt: Name Name ..." line, then "TcpExt: 1 2 ...". */
function readProcPair(reader: Reader, prefix: string, rest: string, raw: string, lineNumber: number): void {
  const fields = rest.trim().split(/\s+/);
  if (!fields.every((field) => /^-?\d+$/.test(field))) {
    reader.procHeaders.set(prefix, fields);
    return;
  }
  const names = reader.procHeaders.get(prefix);
  if (!names || names.length !== fields.length) return;
  names.forEach((name, index) => {
    const counter = NSTAT_NAMES.get(`${prefix}${name}`.toLowerCase());
    if (counter) recordReading(reader.readings, counter, Number(fields[index]), raw, lineNumber);
  });
}

function newReader(source: EvidenceSource): Reader {
  const command = source.kind === "output" ? source.command : undefined;
  const named = command ? NSTAT_COMMAND.exec(command.trim()) : null;
  return { readings: new Map(), nstatIncrements: named ? nstatPrintsIncrements(named[1]) : false, procHeaders: new Map() };
}

/** A line no test below reads: under a table header it may be a row; unindented, it ends a section. */
function skipLine(reader: Reader, raw: string, lineNumber: number): void {
  if (reader.tableColumns) readLine(reader, raw, lineNumber);
  else if (/^\S/.test(raw)) reader.section = undefined;
}

/**
 * Lines that may matter: a counter's name (every one holds one of the first words), an nstat run,
 * a netstat -s sentence or section header, /proc/net pairs and Windows' sections and counters.
 */
const WORDS = "listen|paws|syncookies|tcp|retrans|outsegs|udp|nstat|statistics for|segments|receive errors".split("|");
const LINE_START = /^\s*(?:\d+ [a-z]|[a-z][a-z0-9]{1,20}:\s*$)/i;

/** Above 1% retransmitted segments TCP throughput visibly suffers (each loss halves the window); healthy paths stay far below. */
const RETRANSMIT_RATE = 0.01;
/** PAWS rejects this close to the listen drops mean nearly every dropped SYN failed the timestamp check. */
const PAWS_SHARE = 0.9;

const percent = (ratio: number) => Math.round(ratio * 10000) / 100;

function counterSignals(readings: Map<string, CounterReadings>, source: EvidenceSource): Signal[] {
  const signals: Signal[] = [];
  for (const [counter, id] of COUNTER_SIGNALS) {
    const reading = readings.get(counter);
    if (!reading) continue;
    const change = counterChange(reading);
    if (change.amount <= 0) continue;
    signals.push(
      makeSignal(id, ID, reading.line, reading.lineNumber, source, {
        value: change.amount,
        detail: describeChange(counter, change, reading.increment),
        ...sinceBootOf(change),
      }),
    );
  }
  return signals;
}

function pawsTracksListenDrops(readings: Map<string, CounterReadings>, source: EvidenceSource): Signal[] {
  const paws = readings.get("PAWSPassive");
  const drops = readings.get("ListenDrops");
  if (!paws || !drops) return [];
  const rejected = counterChange(paws).amount;
  const dropped = counterChange(drops).amount;
  if (dropped <= 0 || rejected < PAWS_SHARE * dropped) return [];
  const share = percent(Math.min(rejected / dropped, 1));
  return [
    makeSignal("paws-rejects-track-listen-drops", ID, paws.line, paws.lineNumber, source, {
      value: share,
      detail: `${rejected} PAWS (timestamp) rejects against ${dropped} listen drops (${share}%): the SYNs failed the timestamp check`,
    }),
  ];
}

function retransmitSignals(readings: Map<string, CounterReadings>, source: EvidenceSource): Signal[] {
  const retrans = readings.get("RetransSegs");
  if (!retrans) return [];
  const retransmitted = counterChange(retrans);
  if (retransmitted.amount <= 0) return [];
  const out = readings.get("OutSegs");
  const sent = out ? counterChange(out).amount : 0;
  if (sent > 0) {
    const rate = retransmitted.amount / sent;
    if (rate <= RETRANSMIT_RATE) return [];
    const scope = retransmitted.rise ? "between the snapshots" : "since boot";
    return [
      makeSignal("tcp-retransmits", ID, retrans.line, retrans.lineNumber, source, {
        value: percent(rate),
        detail: `${retransmitted.amount} of ${sent} segments sent were retransmitted ${scope} (${percent(rate)}%, above 1%)`,
        ...sinceBootOf(retransmitted),
      }),
    ];
  }
  // Without the sent count only a rise is telling: every host has retransmitted something since boot.
  if (!retransmitted.rise) return [];
  return [
    makeSignal("tcp-retransmits", ID, retrans.line, retrans.lineNumber, source, {
      value: retransmitted.amount,
      detail: describeChange("RetransSegs", retransmitted, retrans.increment),
    }),
  ];
}

export const netstatCountersParser = defineParser({
  id: ID,
  title: "netstat -s / nstat counters",
  produces: [
    "listen-overflows",
    "listen-drops",
    "paws-passive-rejected",
    "paws-rejects-track-listen-drops",
    "syncookies-sent",
    "syn-queue-drops",
    "tcp-retransmits",
    "tcp-timeouts",
    "udp-rcvbuf-errors",
    "udp-in-errors",
    "tw-bucket-overflow",
    "tcp-wqueue-too-big",
  ],
  reads: { words: WORDS, also: (line) => LINE_START.test(line) },
  reader(source) {
    const reader = newReader(source);
    return {
      read: (line, lineNumber) => readLine(reader, line, lineNumber),
      skip: (line, lineNumber) => skipLine(reader, line, lineNumber),
      finish() {
        const { readings } = reader;
        if (readings.size === 0) return [];
        return [...counterSignals(readings, source), ...pawsTracksListenDrops(readings, source), ...retransmitSignals(readings, source)];
      },
    };
  },
});

import { defineParser, NOT_BLANK } from "../line-parser";
import { makeSignal, type EvidenceSource, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";

const ID = "strace-perf";

/** futex taking half of all traced syscall time means threads mostly wait on each other's locks. */
const FUTEX_SHARE = 50;
/** At least 5 reads, most of them filling the buffer exactly: datagrams are larger than the buffer. */
const MIN_FULL_READS = 5;
/** A kernel function at 5% of all samples is hot; ordinary network functions stay well under 1%. */
const HOT_PERCENT = 5;
/** 1000 goroutines parked in one wait, or 80% of at least 100: they queue on one pool, lock or channel. */
const MANY_BLOCKED = 1000;
const BLOCKED_SHARE = 0.8;
const MIN_GOROUTINES = 100;

/** Goroutine states that mean waiting on a lock, channel, pool or the network. */
const WAIT_STATES = new Set([
  "semacquire",
  "select",
  "select (no cases)",
  "chan receive",
  "chan send",
  "IO wait",
  "sync.Mutex.Lock",
  "sync.RWMutex.Lock",
  "sync.RWMutex.RLock",
  "sync.Cond.Wait",
  "sync.WaitGroup.Wait",
]);

const HOT_SYMBOLS: { signal: SignalId; symbols: string[] }[] = [
  { signal: "inet-hash-connect-hot", symbols: ["inet_hash_connect", "__inet_check_established"] },
  { signal: "inet-lookup-listener-hot", symbols: ["inet_lookup_listener"] },
  { signal: "spinlock-hot", symbols: ["queued_spin_lock_slowpath", "_raw_spin_lock"] },
];

const STRACE_PREFIX = /^(?:\[pid\s+\d+\]\s*|\d+\s+)?(?:\d{2}:\d{2}:\d{2}(?:\.\d+)?\s+|\d+\.\d+\s+)?/;
const READ_CALL = /^(recvfrom|recvmsg|recv|read)\((\d+),\s*/;
const UDP_SOCKET = /^socket\((?:AF|PF)_INET6?,\s*SOCK_DGRAM[^)]*\)\s*=\s*(\d+)/;
const PERCENT = /(\d{1,3}(?:\.\d+)?)%/;
const GOROUTINE = /^goroutine \d+ \[([^,\]]{1,40})/;
const PROFILE_TOTAL = /^goroutine profile: total (\d+)$/;
const PROFILE_GROUP = /^(\d+) @ 0x[0-9a-f]+/;

type At = { line: string; lineNumber: number };

/** Index just after the quoted string starting at `from` (strace escapes quotes as \"), plus strace's "...". */
function skipQuoted(text: string, from: number): number {
  let at = from + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
  at += 1;
  return text.startsWith("...", at) ? at + 3 : at;
}

/** The value after the last " = " of a syscall line, if it is a number. */
function returnValue(call: string): number | undefined {
  const at = call.lastIndexOf(") = ");
  if (at < 0) return undefined;
  const match = /^-?\d+/.exec(call.slice(at + 4));
  return match ? Number(match[0]) : undefined;
}

type ReadTally = At & { call: string; fd: string; size: number; full: number; total: number };

class TraceReader {
  futex?: At & { percent: number };
  readonly reads = new Map<string, ReadTally>();
  truncated?: At & { count: number };
  readonly hot = new Map<SignalId, At & { percent: number; symbol: string }>();
  readonly goroutineStates = new Map<string, At & { count: number }>();
  goroutines = 0;
  profileTotal?: number;
  largestGroup?: At & { count: number };
  private readonly udpFds = new Set<string>();
  private inSummary = false;

  read(raw: string, lineNumber: number): void {
    const line = raw.trim();
    if (!line) return;
    const at = { line: raw, lineNumber };
    if (line.startsWith("% time")) {
      this.inSummary = true;
      return;
    }
    if (this.inSummary && this.readSummaryRow(line, at)) return;
    this.inSummary = false;
    if (this.readGoroutine(line, at)) return;
    this.readSyscall(line.replace(STRACE_PREFIX, ""), at);
    this.readPerf(line, at);
  }

  /** Any other line that is not blank ends a `strace -c` summary. */
  skip(raw: string): void {
    if (NOT_BLANK.test(raw)) this.inSummary = false;
  }

  /** A `strace -c` row: "% time  seconds  usecs/call  calls  errors  syscall". */
  private readSummaryRow(line: string, at: At): boolean {
    if (line.startsWith("---")) return true;
    const fields = line.split(/\s+/);
    if (fields.length < 5 || !/^\d+\.\d+$/.test(fields[0])) return false;
    if (fields[fields.length - 1] === "futex") this.futex = { ...at, percent: Number(fields[0]) };
    return true;
  }

  private readSyscall(call: string, at: At): void {
    const socket = UDP_SOCKET.exec(call);
    if (socket) {
      this.udpFds.add(socket[1]);
      return;
    }
    const read = READ_CALL.exec(call);
    if (!read) return;
    const [, name, fd] = read;
    if (name === "recvmsg") {
      if (call.includes("MSG_TRUNC")) {
        this.truncated ??= { ...at, count: 0 };
        this.truncated.count += 1;
      }
      return;
    }
    // The buffer argument: a quoted string, or a raw address with -e raw.
    let rest = read[0].length;
    rest = call[rest] === '"' ? skipQuoted(call, rest) : call.indexOf(",", rest);
    if (rest < 0) return;
    const size = /^,\s*(\d+)/.exec(call.slice(rest, rest + 24));
    const result = returnValue(call);
    if (!size || result === undefined || result < 0) return;
    // recvfrom with a source address reads a datagram; read/recv only on a socket traced as SOCK_DGRAM.
    const datagram = name === "recvfrom" ? call.includes("sa_family=", rest) : this.udpFds.has(fd);
    if (!datagram) return;
    const key = `${name}|${fd}|${size[1]}`;
    const tally = this.reads.get(key) ?? { ...at, call: name, fd, size: Number(size[1]), full: 0, total: 0 };
    tally.total += 1;
    if (result === tally.size) tally.full += 1;
    this.reads.set(key, tally);
  }

  private readPerf(line: string, at: At): void {
    for (const { signal, symbols } of HOT_SYMBOLS) {
      const symbol = symbols.find((name) => line.includes(name));
      if (!symbol) continue;
      const percent = Number(PERCENT.exec(line)?.[1]);
      if (!(percent >= HOT_PERCENT) || percent <= (this.hot.get(signal)?.percent ?? 0)) continue;
      this.hot.set(signal, { ...at, percent, symbol });
    }
  }

  /** Goroutine dumps: "goroutine 123 [semacquire, 5 minutes]:" (debug=2) or "1000000 @ 0x..." groups (debug=1). */
  private readGoroutine(line: string, at: At): boolean {
    const goroutine = GOROUTINE.exec(line);
    if (goroutine) {
      this.goroutines += 1;
      const state = goroutine[1].trim();
      if (WAIT_STATES.has(state)) {
        const tally = this.goroutineStates.get(state) ?? { ...at, count: 0 };
        tally.count += 1;
        this.goroutineStates.set(state, tally);
      }
      return true;
    }
    const total = PROFILE_TOTAL.exec(line);
    if (total) {
      this.profileTotal = Number(total[1]);
      return true;
    }
    const group = this.profileTotal === undefined ? null : PROFILE_GROUP.exec(line);
    if (!group) return false;
    if (Number(group[1]) > (this.largestGroup?.count ?? 0)) this.largestGroup = { ...at, count: Number(group[1]) };
    return true;
  }
}

function blocked(count: number, total: number): boolean {
  return count >= MANY_BLOCKED || (total >= MIN_GOROUTINES && count >= BLOCKED_SHARE * total);
}

function goroutineSignals(reader: TraceReader, source: EvidenceSource): Signal[] {
  const states = [...reader.goroutineStates].sort((a, b) => b[1].count - a[1].count);
  if (states.length > 0 && blocked(states[0][1].count, reader.goroutines)) {
    const [state, { line, lineNumber, count }] = states[0];
    return [
      makeSignal("goroutines-blocked", ID, line, lineNumber, source, {
        value: count,
        detail: `${count} of ${reader.goroutines} goroutines wait in [${state}]`,
      }),
    ];
  }
  const group = reader.largestGroup;
  if (!group || reader.profileTotal === undefined || !blocked(group.count, reader.profileTotal)) return [];
  return [
    makeSignal("goroutines-blocked", ID, group.line, group.lineNumber, source, {
      value: group.count,
      detail: `${group.count} of ${reader.profileTotal} goroutines share one stack (they wait at the same place)`,
    }),
  ];
}

function readSignals(reader: TraceReader, source: EvidenceSource): Signal[] {
  if (reader.truncated) {
    const { line, lineNumber, count } = reader.truncated;
    return [
      makeSignal("read-truncated", ID, line, lineNumber, source, {
        value: count,
        detail: `recvmsg reported MSG_TRUNC ${count} time(s): datagrams were larger than the buffer`,
      }),
    ];
  }
  const capped = [...reader.reads.values()].find((tally) => tally.full >= MIN_FULL_READS && tally.full * 2 > tally.total);
  if (!capped) return [];
  return [
    makeSignal("read-truncated", ID, capped.line, capped.lineNumber, source, {
      value: capped.size,
      detail: `${capped.full} of ${capped.total} ${capped.call}() calls on datagram fd ${capped.fd} filled the ${capped.size}-byte buffer exactly`,
    }),
  ];
}

/** strace -c summaries, goroutine dumps, the syscalls read above and perf's hot symbols. */
const WORDS = ["socket(", "recv", "read(", "inet_hash_connect", "inet_check_established", "inet_lookup_listener", "spin_lock"];
const LINE_START = /^\s*(?:% time|---|\d+\.\d+\s|goroutine |\d+ @ 0x)/;

export const stracePerfParser = defineParser({
  id: ID,
  title: "strace, perf and goroutine dumps",
  produces: ["futex-dominant", "read-truncated", "inet-hash-connect-hot", "inet-lookup-listener-hot", "spinlock-hot", "goroutines-blocked"],
  reads: { words: WORDS, also: (line) => LINE_START.test(line) },
  reader: (source) => {
    const reader = new TraceReader();
    return {
      read: (line, lineNumber) => reader.read(line, lineNumber),
      skip: (line) => reader.skip(line),
      finish: () => traceSignals(reader, source),
    };
  },
});

function traceSignals(reader: TraceReader, source: EvidenceSource): Signal[] {
  const signals: Signal[] = [];
  const futex = reader.futex;
  if (futex && futex.percent >= FUTEX_SHARE) {
    signals.push(
      makeSignal("futex-dominant", ID, futex.line, futex.lineNumber, source, {
        value: futex.percent,
        detail: `futex takes ${futex.percent}% of the traced syscall time: threads wait on locks`,
      }),
    );
  }
  for (const [signal, hot] of reader.hot) {
    signals.push(
      makeSignal(signal, ID, hot.line, hot.lineNumber, source, {
        value: hot.percent,
        detail: `perf shows ${hot.symbol} at ${hot.percent}% of samples`,
      }),
    );
  }
  return [...signals, ...readSignals(reader, source), ...goroutineSignals(reader, source)];
}

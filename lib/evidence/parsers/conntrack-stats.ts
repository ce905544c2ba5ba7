import { counterChange, describeChange, recordReading, sinceBootOf, type CounterReadings } from "../counters";
import { defineParser, NOT_BLANK } from "../line-parser";
import { makeSignal, type EvidenceSource, type Signal } from "../signal";

const ID = "conntrack-stats";

/** At 90% of nf_conntrack_max a burst of new flows fills the table and the kernel drops packets. */
const NEAR_MAX = 0.9;

/** Per-CPU counters summed over one snapshot, with the line of the CPU that shows the most. */
type Snapshot = { totals: Map<string, { sum: number; line: string; lineNumber: number; top: number }>; cpus: Set<string> };

const COUNTED = ["insert_failed", "drop", "early_drop"] as const;

/** `conntrack -S`: "cpu=0 found=0 invalid=12 ignore=0 insert=0 insert_failed=8 drop=8 early_drop=0 ...". */
const CPU_LINE = /^cpu=(\d+)\s/;
const KEY_VALUE = /^([a-z_]+)=(\d+)$/;
/** /proc/net/stat/nf_conntrack header: "entries searched found new invalid ... insert_failed drop early_drop ...". */
const HEX_HEADER = /^entries[ \t][a-z_ \t]*$/;
const HEX_FIELD = /^[0-9a-f]{8}$/;
const SYSCTL = /^net\.(?:netfilter\.nf|ipv4\.netfilter\.ip|nf)_conntrack_(count|max)\s*=\s*(\d+)$/;
/** A command whose output is the bare count or max: `cat .../nf_conntrack_count`, `sysctl -n ...`, `conntrack -C`. */
const READS_VALUES = /(?:^|[\s;|&$#>])(?:cat|sysctl\s+-[a-zA-Z]{0,5}n[a-zA-Z]{0,5})\s/;
const VALUE_NAME = /(?:nf|ip)_conntrack_(count|max)\b/g;
const COUNT_COMMAND = /(?:^|[\s;|&$#>/])conntrack\s+(?:-C|--count)\b/;

type Gauge = { value: number; line: string; lineNumber: number };

class ConntrackReader {
  readonly readings = new Map<string, CounterReadings>();
  readonly gauges = new Map<"count" | "max", Gauge>();
  private snapshot?: Snapshot;
  private hexColumns?: string[];
  /** Names whose values the next bare-number lines are, in order. */
  private pending: ("count" | "max")[] = [];

  constructor(command: string | undefined) {
    if (command) this.readCommand(command);
  }

  read(raw: string, lineNumber: number): void {
    const line = raw.trim();
    if (!line) return;
    if (this.pending.length > 0 && /^\d+$/.test(line)) {
      this.gauges.set(this.pending.shift()!, { value: Number(line), line: raw, lineNumber });
      return;
    }
    this.pending = [];
    if (CPU_LINE.test(line)) {
      this.readCpuLine(line, raw, lineNumber);
      return;
    }
    if (this.hexColumns && this.readHexRow(line, raw, lineNumber)) return;
    this.hexColumns = undefined;
    if (HEX_HEADER.test(line) && line.includes("insert_failed")) {
      this.closeSnapshot();
      this.hexColumns = line.split(/\s+/);
      return;
    }
    const sysctl = SYSCTL.exec(line);
    if (sysctl) {
      this.gauges.set(sysctl[1] as "count" | "max", { value: Number(sysctl[2]), line: raw, lineNumber });
      return;
    }
    this.readCommand(line);
  }

  /** Any other line that is not blank ends a hex table and the bare values a command printed. */
  skip(raw: string): void {
    if (!NOT_BLANK.test(raw)) return;
    this.pending = [];
    this.hexColumns = undefined;
  }

  finish(): void {
    this.closeSnapshot();
  }

  private readCommand(line: string): void {
    if (COUNT_COMMAND.test(line)) this.pending = ["count"];
    else if (READS_VALUES.test(line)) {
      this.pending = [...line.matchAll(VALUE_NAME)].map((match) => match[1] as "count" | "max");
    }
  }

  private readCpuLine(line: string, raw: string, lineNumber: number): void {
    const fields = new Map<string, number>();
    for (const token of line.split(/\s+/)) {
      const pair = KEY_VALUE.exec(token);
      if (pair) fields.set(pair[1], Number(pair[2]));
    }
    this.addCpu(String(fields.get("cpu")), fields, raw, lineNumber);
  }

  /** One CPU row of /proc/net/stat/nf_conntrack (hex); the entries column is the table's current size. */
  private readHexRow(line: string, raw: string, lineNumber: number): boolean {
    const columns = this.hexColumns!;
    const values = line.split(/\s+/);
    if (values.length !== columns.length || !values.every((value) => HEX_FIELD.test(value))) return false;
    const fields = new Map(columns.map((name, index) => [name, Number.parseInt(values[index], 16)]));
    const firstRow = this.snapshot === undefined;
    this.addCpu(String(this.snapshot?.cpus.size ?? 0), fields, raw, lineNumber);
    if (firstRow) this.gauges.set("count", { value: fields.get("entries") ?? 0, line: raw, lineNumber });
    return true;
  }

  private addCpu(cpu: string, fields: Map<string, number>, raw: string, lineNumber: number): void {
    // A CPU seen again starts the next snapshot (two `conntrack -S` runs pasted one after the other).
    if (this.snapshot?.cpus.has(cpu)) this.closeSnapshot();
    this.snapshot ??= { totals: new Map(), cpus: new Set() };
    this.snapshot.cpus.add(cpu);
    for (const name of COUNTED) {
      const value = fields.get(name);
      if (value === undefined) continue;
      const total = this.snapshot.totals.get(name);
      if (!total) this.snapshot.totals.set(name, { sum: value, line: raw, lineNumber, top: value });
      else {
        total.sum += value;
        if (value > total.top) Object.assign(total, { line: raw, lineNumber, top: value });
      }
    }
  }

  private closeSnapshot(): void {
    if (!this.snapshot) return;
    for (const [name, total] of this.snapshot.totals) recordReading(this.readings, name, total.sum, total.line, total.lineNumber);
    this.snapshot = undefined;
  }
}

function counterSignal(reader: ConntrackReader, source: EvidenceSource): Signal[] {
  const signals: Signal[] = [];
  const insertFailed = reader.readings.get("insert_failed");
  if (insertFailed) {
    const change = counterChange(insertFailed);
    if (change.amount > 0) {
      signals.push(
        makeSignal("conntrack-insert-failed", ID, insertFailed.line, insertFailed.lineNumber, source, {
          value: change.amount,
          detail: `${describeChange("insert_failed (all CPUs)", change)}: packets dropped by a conntrack insert race`,
          ...sinceBootOf(change),
        }),
      );
    }
  }
  // drop and early_drop both mean conntrack threw packets or entries away; report the one that moved most.
  const drops = (["drop", "early_drop"] as const)
    .map((name) => ({ name, reading: reader.readings.get(name) }))
    .filter((entry): entry is { name: "drop" | "early_drop"; reading: CounterReadings } => entry.reading !== undefined)
    .map((entry) => ({ ...entry, change: counterChange(entry.reading) }))
    .filter((entry) => entry.change.amount > 0)
    .sort((a, b) => b.change.amount - a.change.amount);
  if (drops.length > 0) {
    const { name, reading, change } = drops[0];
    signals.push(
      makeSignal("conntrack-drop", ID, reading.line, reading.lineNumber, source, {
        value: change.amount,
        detail: describeChange(`${name} (all CPUs)`, change),
        ...sinceBootOf(change),
      }),
    );
  }
  return signals;
}

function nearMaxSignal(reader: ConntrackReader, source: EvidenceSource): Signal[] {
  const count = reader.gauges.get("count");
  const max = reader.gauges.get("max");
  if (!count || !max || max.value <= 0 || count.value < NEAR_MAX * max.value) return [];
  const share = Math.round((count.value / max.value) * 1000) / 10;
  return [
    makeSignal("conntrack-near-max", ID, count.line, count.lineNumber, source, {
      value: share,
      detail: `nf_conntrack_count ${count.value} is ${share}% of nf_conntrack_max ${max.value} (at least 90%)`,
    }),
  ];
}

/** conntrack -S rows, hex rows and their header, bare values, and lines naming conntrack or a command that prints values. */
const LINE_START = /^\s*(?:\d+\s*$|cpu=|[0-9a-f]{8}|entries[ \t])/;
const CAT = /cat\s/;

export const conntrackStatsParser = defineParser({
  id: ID,
  title: "conntrack -S / nf_conntrack count and max",
  produces: ["conntrack-insert-failed", "conntrack-drop", "conntrack-near-max"],
  reads: { words: ["conntrack", "sysctl"], also: (line) => LINE_START.test(line) || CAT.test(line) },
  reader(source) {
    const reader = new ConntrackReader(source.kind === "output" ? source.command : undefined);
    return {
      read: (line, lineNumber) => reader.read(line, lineNumber),
      skip: (line) => reader.skip(line),
      finish() {
        reader.finish();
        return [...counterSignal(reader, source), ...nearMaxSignal(reader, source)];
      },
    };
  },
});

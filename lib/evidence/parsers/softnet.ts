import { counterChange, describeChange, recordReading, sinceBootOf, type CounterReadings } from "../counters";
import { defineParser } from "../line-parser";
import { makeSignal, type EvidenceSource, type Signal } from "../signal";

const ID = "softnet";

/** One CPU holding half the interrupts (or softirq) of at least 4 CPUs: the load is not spread. */
const MIN_CPUS = 4;
const HOT_SHARE = 0.5;
/** Below 1000 interrupts the shares are noise from an idle NIC. */
const MIN_INTERRUPTS = 1000;
/** A CPU at 50% softirq while the median CPU is under 10%: one core does the packet processing. */
const HOT_SOFTIRQ = 50;
const QUIET_MEDIAN = 10;

const HEX_FIELD = /^[0-9a-f]{8}$/;
const INTEGER = /^\d+$/;
/** /proc/interrupts row: "  45:  123456  0  0  0  PCI-MSI-edge  eth0-TxRx-0". */
const INTERRUPT_ROW = /^([0-9A-Z_]+):\s+(\d.*)$/;
/** NIC queue interrupt names of the common drivers (virtio, ixgbe/igb/i40e/ice, mlx4/5, ena, bnxt, hv). */
const NIC_INTERRUPT = /^(?:(?:eth|ens|eno|enp|em|bond|p\d+p)\d|virtio\d+-input|mlx\d_comp|mlx\d-\d|i40e-|ice-|ixgbe|igb|ena-|bnxt|gve|hv_netvsc)/;
/** Transmit-only interrupts do not carry receive work. */
const TX_ONLY = /(?:^|[-_.])tx(?:[-_.]?\d|$)|output/i;
/** mpstat's header row: "10:00:01 AM  CPU  %usr  %nice  %sys %iowait  %irq  %soft ...". */
const TOP_CPU = /^%?Cpu(\d+)\s*:(.*)$/;

type Share = { index: number; amount: number; total: number; cpus: number };

function busiest(amounts: number[]): Share {
  let index = 0;
  amounts.forEach((amount, at) => {
    if (amount > amounts[index]) index = at;
  });
  return { index, amount: amounts[index] ?? 0, total: amounts.reduce((sum, value) => sum + value, 0), cpus: amounts.length };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The NIC an interrupt belongs to: "eth0-TxRx-3" → "eth0", "virtio0-input.1" → "virtio0". */
const nicOf = (name: string) => name.replace(/[-_.]?(?:txrx|rx|tx|input|output|comp|queue)[-_.]?\d+/gi, "");

type At = [line: string, lineNumber: number];

type CpuSoftirq = { cpu: string; soft: number; line: string; lineNumber: number };

class SoftnetReader {
  readonly readings = new Map<string, CounterReadings>();
  /** Per NIC (or NET_RX softirq): interrupts per CPU column, and the busiest row's line. */
  readonly interrupts = new Map<string, { perCpu: number[]; line: string; lineNumber: number; top: number }>();
  readonly softirqBlocks: CpuSoftirq[][] = [];
  /** The softnet_stat snapshot being read: column sums and the first line showing each. */
  private softnet?: { dropped: number; squeezed: number; cpus: Set<number>; firstLine: At; dropLine?: At; squeezeLine?: At };
  private mpstatColumns?: { cpu: number; soft: number };
  private block: CpuSoftirq[] = [];

  read(raw: string, lineNumber: number): void {
    const line = raw.trim();
    if (this.readSoftnetRow(line, raw, lineNumber)) return;
    this.closeSoftnet();
    if (!line) return;
    if (this.readInterruptRow(line, raw, lineNumber)) return;
    this.readCpuLine(line, raw, lineNumber);
  }

  /** Any other line ends a softnet_stat table; under an mpstat header every line is read. */
  skip(raw: string, lineNumber: number): void {
    if (this.mpstatColumns) this.read(raw, lineNumber);
    else this.closeSoftnet();
  }

  finish(): void {
    this.closeSoftnet();
    this.closeBlock();
  }

  // --- /proc/net/softnet_stat -----------------------------------------------------------------

  /** A softnet_stat row: 9 to 13 hex columns (processed, dropped, time_squeeze, ...; CPU id in column 12). */
  private readSoftnetRow(line: string, raw: string, lineNumber: number): boolean {
    if (line.length > 200 || !HEX_FIELD.test(line.slice(0, 8))) return false;
    const fields = line.split(/\s+/);
    if (fields.length < 9 || fields.length > 13 || !fields.every((field) => HEX_FIELD.test(field))) return false;
    const [dropped, squeezed] = [Number.parseInt(fields[1], 16), Number.parseInt(fields[2], 16)];
    const cpu = fields.length >= 12 ? Number.parseInt(fields[11], 16) : -1;
    // Pasted twice without a break: the CPU id column shows where the second snapshot starts.
    if (cpu >= 0 && this.softnet?.cpus.has(cpu)) this.closeSoftnet();
    const table = (this.softnet ??= { dropped: 0, squeezed: 0, cpus: new Set(), firstLine: [raw, lineNumber] });
    if (cpu >= 0) table.cpus.add(cpu);
    table.dropped += dropped;
    table.squeezed += squeezed;
    if (dropped > 0) table.dropLine ??= [raw, lineNumber];
    if (squeezed > 0) table.squeezeLine ??= [raw, lineNumber];
    return true;
  }

  private closeSoftnet(): void {
    const table = this.softnet;
    if (!table) return;
    recordReading(this.readings, "dropped", table.dropped, ...(table.dropLine ?? table.firstLine));
    recordReading(this.readings, "time_squeeze", table.squeezed, ...(table.squeezeLine ?? table.firstLine));
    this.softnet = undefined;
  }

  // --- /proc/interrupts and /proc/softirqs ----------------------------------------------------

  private readInterruptRow(line: string, raw: string, lineNumber: number): boolean {
    const row = INTERRUPT_ROW.exec(line);
    if (!row) return false;
    const fields = row[2].split(/\s+/);
    const perCpu: number[] = [];
    while (perCpu.length < fields.length && INTEGER.test(fields[perCpu.length])) perCpu.push(Number(fields[perCpu.length]));
    const name = row[1] === "NET_RX" ? "NET_RX softirq" : fields[fields.length - 1];
    if (perCpu.length === 0 || (row[1] !== "NET_RX" && (!NIC_INTERRUPT.test(name) || TX_ONLY.test(name)))) return true;
    const nic = row[1] === "NET_RX" ? name : nicOf(name);
    const total = perCpu.reduce((sum, value) => sum + value, 0);
    const known = this.interrupts.get(nic);
    if (!known) {
      this.interrupts.set(nic, { perCpu, line: raw, lineNumber, top: total });
      return true;
    }
    perCpu.forEach((value, cpu) => (known.perCpu[cpu] = (known.perCpu[cpu] ?? 0) + value));
    if (total > known.top) Object.assign(known, { line: raw, lineNumber, top: total });
    return true;
  }

  // --- mpstat -P ALL and top per-CPU lines ----------------------------------------------------

  private readCpuLine(line: string, raw: string, lineNumber: number): void {
    const top = TOP_CPU.exec(line);
    if (top) {
      if (this.block.some((entry) => entry.cpu === top[1])) this.closeBlock();
      const soft = softirqFromTop(top[2]);
      if (soft !== undefined) this.block.push({ cpu: top[1], soft, line: raw, lineNumber });
      return;
    }
    if (!line.includes("%soft") && !this.mpstatColumns) return;
    const tokens = line.split(/\s+/);
    const cpuColumn = tokens.indexOf("CPU");
    const softColumn = tokens.indexOf("%soft");
    if (cpuColumn >= 0 && softColumn > cpuColumn) {
      this.closeBlock();
      this.mpstatColumns = { cpu: cpuColumn, soft: softColumn };
      return;
    }
    const columns = this.mpstatColumns;
    if (!columns || tokens.length <= columns.soft) {
      this.closeBlock();
      this.mpstatColumns = undefined;
      return;
    }
    const cpu = tokens[columns.cpu];
    const soft = Number(tokens[columns.soft].replace(",", "."));
    if (cpu !== "all" && INTEGER.test(cpu) && Number.isFinite(soft)) this.block.push({ cpu, soft, line: raw, lineNumber });
  }

  private closeBlock(): void {
    if (this.block.length > 0) this.softirqBlocks.push(this.block);
    this.block = [];
  }
}

/** top: "%Cpu0  :  1.0 us,  2.0 sy,  0.0 ni, 10.0 id,  0.0 wa,  0.0 hi, 87.0 si,  0.0 st" (older: "87.0%si"). */
function softirqFromTop(fields: string): number | undefined {
  for (const field of fields.split(",")) {
    const match = /^([\d.]+)\s*(?:%\s*)?si$/.exec(field.trim());
    if (match) return Number(match[1]);
  }
  return undefined;
}

function softnetSignals(reader: SoftnetReader, source: EvidenceSource): Signal[] {
  const signals: Signal[] = [];
  const checks = [
    { key: "dropped", id: "softnet-drops", name: "softnet_stat dropped (all CPUs, backlog full)" },
    { key: "time_squeeze", id: "softnet-squeeze", name: "softnet_stat time_squeeze (all CPUs, budget ran out)" },
  ] as const;
  for (const { key, id, name } of checks) {
    const reading = reader.readings.get(key);
    if (!reading) continue;
    const change = counterChange(reading);
    if (change.amount > 0) {
      const detail = describeChange(name, change);
      signals.push(makeSignal(id, ID, reading.line, reading.lineNumber, source, { value: change.amount, detail, ...sinceBootOf(change) }));
    }
  }
  return signals;
}

function interruptSignals(reader: SoftnetReader, source: EvidenceSource): Signal[] {
  return [...reader.interrupts].flatMap(([nic, { perCpu, line, lineNumber }]) => {
    const share = busiest(perCpu);
    if (share.cpus < MIN_CPUS || share.total < MIN_INTERRUPTS || share.amount < HOT_SHARE * share.total) return [];
    const percent = Math.round((share.amount / share.total) * 1000) / 10;
    return [
      makeSignal("rx-queue-imbalance", ID, line, lineNumber, source, {
        value: percent,
        detail: `CPU${share.index} handles ${percent}% of ${nic} interrupts across ${share.cpus} CPUs`,
      }),
    ];
  });
}

function softirqSignals(reader: SoftnetReader, source: EvidenceSource): Signal[] {
  for (const block of reader.softirqBlocks) {
    const hottest = block.reduce((top, entry) => (entry.soft > top.soft ? entry : top));
    const typical = median(block.map((entry) => entry.soft));
    if (hottest.soft >= HOT_SOFTIRQ && typical < QUIET_MEDIAN) {
      return [
        makeSignal("softirq-hot-cpu", ID, hottest.line, hottest.lineNumber, source, {
          value: hottest.soft,
          detail: `CPU ${hottest.cpu} spends ${hottest.soft}% in softirq while the median CPU spends ${typical}%`,
        }),
      ];
    }
  }
  return [];
}

/** softnet_stat rows (hex), /proc/interrupts and softirqs rows, top's per-CPU lines and mpstat's header. */
const LINE_START = /^\s*(?:[0-9a-f]{8}|[0-9A-Z_]+:\s+\d|%?Cpu\d)/;

export const softnetParser = defineParser({
  id: ID,
  title: "softnet_stat, interrupts and per-CPU softirq",
  produces: ["softnet-drops", "softnet-squeeze", "rx-queue-imbalance", "softirq-hot-cpu"],
  reads: { words: ["%soft"], also: (line) => LINE_START.test(line) },
  reader(source) {
    const reader = new SoftnetReader();
    return {
      read: (line, lineNumber) => reader.read(line, lineNumber),
      skip: (line, lineNumber) => reader.skip(line, lineNumber),
      finish() {
        reader.finish();
        return [...softnetSignals(reader, source), ...interruptSignals(reader, source), ...softirqSignals(reader, source)];
      },
    };
  },
});

import { counterChange, describeChange, recordReading, sinceBootOf, type CounterReadings } from "../counters";
import { defineParser } from "../line-parser";
import { makeSignal, type EvidenceSource, type Signal } from "../signal";

const ID = "nic-stats";

type CounterKind = "nic-rx-drops" | "nic-errors";

/** ethtool -S counters that count received packets the NIC or driver dropped. */
const ETHTOOL_DROPS = new Set([
  "rx_missed_errors",
  "rx_no_buffer_count",
  "rx_fifo_errors",
  "rx_dropped",
  "rx_over_errors",
  "rx_discards",
  "rx_discards_phy",
  "rx_out_of_buffer",
  "rx_no_dma_resources",
]);
/** ethtool -S counters of damaged frames and failed transmissions. */
const ETHTOOL_ERRORS = new Set([
  "rx_crc_errors",
  "rx_crc_errors_phy",
  "rx_frame_errors",
  "rx_align_errors",
  "rx_length_errors",
  "rx_symbol_err_phy",
  "rx_errors",
  "tx_errors",
]);
/** Per-queue drop counters (virtio_net "rx_queue_3_drops"). */
const QUEUE_DROPS = /^rx_queue_\d+_drops$/;
/** Per-queue receive counters of the common drivers (ixgbe/virtio, i40e, mlx5, ena). */
const QUEUE_COUNTERS = [/^rx_queue_(\d+)_packets$/, /^rx-(\d+)\.packets$/, /^rx(\d+)_packets$/, /^queue_(\d+)_rx_cnt$/];

/** ip -s link, ifconfig and netstat -i column names, by direction. */
const RX_COLUMNS = new Map<string, CounterKind>([
  ["errors", "nic-errors"],
  ["frame", "nic-errors"],
  ["crc", "nic-errors"],
  ["length", "nic-errors"],
  ["dropped", "nic-rx-drops"],
  ["overrun", "nic-rx-drops"],
  ["overruns", "nic-rx-drops"],
  ["missed", "nic-rx-drops"],
  ["fifo", "nic-rx-drops"],
]);
const TX_COLUMNS = new Map<string, CounterKind>([["errors", "nic-errors"]]);
const NETSTAT_I_COLUMNS = new Map<string, CounterKind>([
  ["RX-ERR", "nic-errors"],
  ["RX-DRP", "nic-rx-drops"],
  ["RX-OVR", "nic-rx-drops"],
  ["TX-ERR", "nic-errors"],
]);

/** Physical NICs and bonds; "eth0@if12" is a container's veth end and does not count. */
const PHYSICAL = /^(?:eth|ens|eno|enp|enx|em|bond|team|p\d+p)\d/;
/** Overlay and tunnel devices (VXLAN, flannel, Geneve, IPIP, GRE, tun, Calico, CNI bridges, WireGuard, Cilium). */
const OVERLAY = /^(?:vxlan|flannel|geneve|genev_sys|tunl|ipip|gre|ip6gre|ip6tnl|sit\d|tun|cali|cni|cilium_vxlan|cilium_geneve|wg\d)/;
const OVERLAY_LINK = /^(?:link\/(?:ipip|gre|gre6|sit|tunnel6|none)|(?:vxlan|geneve) id |ipip |gre |ip6tnl |tun type )/;

/** At least 4 queues, with one carrying half of at least 1000 packets: RSS is not spreading the load. */
const MIN_QUEUES = 4;
const MIN_PACKETS = 1000;
const BUSIEST_SHARE = 0.5;

const IP_LINK_HEADER = /^\d+:\s+([^\s:]+):\s+<([^>]*)>(.*)$/;
const IFCONFIG_HEADER = /^([^\s:]+): flags=\d+<([^>]*)>(.*)$/;
const IFCONFIG_OLD_HEADER = /^(\S+)\s+Link encap:/;
const IP_STATS_HEADER = /^(RX|TX)(?: errors)?:\s+([a-z][a-z ]{2,80})$/;
const IFCONFIG_COUNTERS = /^(RX|TX)\s+(?:errors \d|packets:\d)/;
const COUNTER_LINE = /^([A-Za-z][\w.-]{1,63}):\s+(\d+)$/;
/** `ethtool eth0` or `ethtool -S eth0`: the interface the following output is about. */
const ETHTOOL_COMMAND = /(?:^|[\s;|&$#>])ethtool\s+(?:-S\s+|--statistics\s+)?([a-z][\w.@-]*)/;
const INTEGER = /^\d+$/;

type Interface = {
  name: string;
  line: string;
  lineNumber: number;
  mtu?: number;
  flags: Set<string>;
  state?: string;
  overlay: boolean;
  noCarrier?: { line: string; lineNumber: number; why: string };
};

type CounterKey = { iface: string; label: string; kind: CounterKind };

class NicReader {
  readonly interfaces = new Map<string, Interface>();
  readonly readings = new Map<string, CounterReadings>();
  readonly counters = new Map<string, CounterKey>();
  /** Receive queues seen per interface; their packet counters are in `readings`. */
  readonly queues = new Map<string, Set<string>>();
  private current = "the NIC";
  private statsHeader?: { direction: "RX" | "TX"; names: string[] };
  private netstatColumns?: string[];

  constructor(command: string | undefined) {
    const ethtool = command ? ETHTOOL_COMMAND.exec(command.trim()) : null;
    if (ethtool) this.current = ethtool[1];
  }

  read(raw: string, lineNumber: number): void {
    const line = raw.trim();
    if (!line) return;
    const header = this.statsHeader;
    this.statsHeader = undefined;
    if (header && this.readStatsValues(header, line, raw, lineNumber)) return;
    if (this.netstatColumns && this.readNetstatRow(line, raw, lineNumber)) return;
    this.netstatColumns = undefined;

    const counter = COUNTER_LINE.exec(line);
    if (counter) {
      this.readEthtoolCounter(counter[1], Number(counter[2]), raw, lineNumber);
      return;
    }
    if (this.readInterfaceHeader(line, raw, lineNumber)) return;
    const statsHeader = IP_STATS_HEADER.exec(line);
    if (statsHeader) {
      this.statsHeader = { direction: statsHeader[1] as "RX" | "TX", names: statsHeader[2].trim().split(/\s+/) };
      return;
    }
    if (IFCONFIG_COUNTERS.test(line)) {
      this.readIfconfigCounters(line, raw, lineNumber);
      return;
    }
    if (/^Iface\s+MTU\s/.test(line)) {
      this.netstatColumns = line.split(/\s+/);
      return;
    }
    this.readOther(line, raw, lineNumber);
  }

  // --- interfaces ---------------------------------------------------------------------------

  /** Under a stats or netstat -i header any line may hold the values; other lines do nothing. */
  skip(raw: string, lineNumber: number): void {
    if (this.statsHeader || this.netstatColumns) this.read(raw, lineNumber);
  }

  private readInterfaceHeader(line: string, raw: string, lineNumber: number): boolean {
    const ip = IP_LINK_HEADER.exec(line) ?? IFCONFIG_HEADER.exec(line);
    if (ip) {
      const iface = this.startInterface(ip[1], raw, lineNumber);
      iface.flags = new Set(ip[2].split(","));
      iface.mtu = numberAfter(ip[3], /\bmtu (\d+)/);
      iface.state = /\bstate ([A-Z]+)/.exec(ip[3])?.[1];
      return true;
    }
    const old = IFCONFIG_OLD_HEADER.exec(line);
    if (old) {
      this.startInterface(old[1], raw, lineNumber);
      return true;
    }
    return false;
  }

  private startInterface(name: string, line: string, lineNumber: number): Interface {
    const iface: Interface = { name, line, lineNumber, flags: new Set(), overlay: OVERLAY.test(name) };
    this.interfaces.set(name, iface);
    this.current = name;
    return iface;
  }

  /** Lines inside an interface block or around ethtool: old ifconfig flags, ip -d link details, ethtool. */
  private readOther(line: string, raw: string, lineNumber: number): void {
    const ethtool = ETHTOOL_COMMAND.exec(line) ?? /^Settings for ([\w.@-]+):$/.exec(line);
    if (ethtool) {
      this.current = ethtool[1];
      return;
    }
    const iface = this.interfaces.get(this.current);
    if (/^Link detected:\s*no$/i.test(line)) {
      const target = iface ?? this.startInterface(this.current, raw, lineNumber);
      target.noCarrier = { line: raw, lineNumber, why: "ethtool reports no link" };
      return;
    }
    if (!iface) return;
    if (OVERLAY_LINK.test(line)) iface.overlay = true;
    const mtuAt = line.indexOf("MTU:");
    if (mtuAt >= 0 && iface.mtu === undefined) {
      // Old ifconfig: "UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1".
      iface.flags = new Set(line.slice(0, mtuAt).trim().split(/\s+/));
      iface.mtu = numberAfter(line.slice(mtuAt), /^MTU:(\d+)/);
    }
  }

  // --- counters ------------------------------------------------------------------------------

  private count(iface: string, label: string, kind: CounterKind, value: number, line: string, lineNumber: number): void {
    const key = `${iface}\t${label}`;
    this.counters.set(key, { iface, label, kind });
    recordReading(this.readings, key, value, line, lineNumber);
  }

  private readEthtoolCounter(name: string, value: number, line: string, lineNumber: number): void {
    const lower = name.toLowerCase();
    if (ETHTOOL_DROPS.has(lower) || QUEUE_DROPS.test(lower)) this.count(this.current, name, "nic-rx-drops", value, line, lineNumber);
    else if (ETHTOOL_ERRORS.has(lower)) this.count(this.current, name, "nic-errors", value, line, lineNumber);
    else {
      const queue = QUEUE_COUNTERS.map((pattern) => pattern.exec(lower)).find((match) => match !== null);
      if (!queue) return;
      const key = `${this.current}\tqueue\t${queue[1]}`;
      recordReading(this.readings, key, value, line, lineNumber);
      const queues = this.queues.get(this.current) ?? new Set<string>();
      this.queues.set(this.current, queues.add(queue[1]));
    }
  }

  /** The numbers under an `ip -s link` "RX: bytes packets errors dropped ..." header. */
  private readStatsValues(header: { direction: "RX" | "TX"; names: string[] }, line: string, raw: string, lineNumber: number): boolean {
    const values = line.split(/\s+/);
    if (values.length !== header.names.length || !values.every((value) => INTEGER.test(value))) return false;
    const columns = header.direction === "RX" ? RX_COLUMNS : TX_COLUMNS;
    header.names.forEach((name, index) => {
      const kind = columns.get(name);
      if (kind) this.count(this.current, `${header.direction} ${name}`, kind, Number(values[index]), raw, lineNumber);
    });
    return true;
  }

  /** ifconfig: "RX errors 0  dropped 12  overruns 0  frame 0" or "RX packets:1 errors:0 dropped:0 ...". */
  private readIfconfigCounters(line: string, raw: string, lineNumber: number): void {
    const direction = line.startsWith("RX") ? "RX" : "TX";
    const columns = direction === "RX" ? RX_COLUMNS : TX_COLUMNS;
    const words = line.slice(2).trim().replaceAll(":", " ").split(/\s+/);
    for (let at = 0; at + 1 < words.length; at += 2) {
      const kind = columns.get(words[at]);
      if (kind && INTEGER.test(words[at + 1])) {
        this.count(this.current, `${direction} ${words[at]}`, kind, Number(words[at + 1]), raw, lineNumber);
      }
    }
  }

  /** A `netstat -i` row under "Iface MTU RX-OK RX-ERR RX-DRP RX-OVR TX-OK TX-ERR TX-DRP TX-OVR Flg". */
  private readNetstatRow(line: string, raw: string, lineNumber: number): boolean {
    const columns = this.netstatColumns!;
    const values = line.split(/\s+/);
    if (values.length !== columns.length || !INTEGER.test(values[1])) return false;
    const iface = this.interfaces.get(values[0]) ?? this.startInterface(values[0], raw, lineNumber);
    iface.mtu = Number(values[1]);
    const flags = values[columns.indexOf("Flg")] ?? "";
    iface.flags = new Set([...(flags.includes("U") ? ["UP"] : []), ...(flags.includes("R") ? ["RUNNING"] : [])]);
    columns.forEach((name, index) => {
      const kind = NETSTAT_I_COLUMNS.get(name);
      if (kind && INTEGER.test(values[index])) this.count(values[0], name, kind, Number(values[index]), raw, lineNumber);
    });
    return true;
  }
}

function numberAfter(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : undefined;
}

function counterSignals(reader: NicReader, source: EvidenceSource): Signal[] {
  // One signal per interface and kind: the counter that moved most.
  const best = new Map<string, { key: CounterKey; reading: CounterReadings; amount: number; rise: boolean }>();
  for (const [id, key] of reader.counters) {
    const reading = reader.readings.get(id)!;
    const change = counterChange(reading);
    const slot = `${key.iface}\t${key.kind}`;
    if (change.amount > 0 && change.amount > (best.get(slot)?.amount ?? 0)) best.set(slot, { key, reading, ...change });
  }
  return [...best.values()].map(({ key, reading, amount, rise }) =>
    makeSignal(key.kind, ID, reading.line, reading.lineNumber, source, {
      value: amount,
      detail: `${key.iface}: ${describeChange(key.label, { amount, rise })}`,
      ...sinceBootOf({ amount, rise }),
    }),
  );
}

function queueSignals(reader: NicReader, source: EvidenceSource): Signal[] {
  return [...reader.queues].flatMap(([iface, queues]) => {
    const counts = [...queues].map((queue) => {
      const reading = reader.readings.get(`${iface}\tqueue\t${queue}`)!;
      return { queue, reading, amount: Math.max(counterChange(reading).amount, 0) };
    });
    const total = counts.reduce((sum, { amount }) => sum + amount, 0);
    if (counts.length < MIN_QUEUES || total < MIN_PACKETS) return [];
    const busiest = counts.reduce((top, entry) => (entry.amount > top.amount ? entry : top));
    const share = busiest.amount / total;
    if (share < BUSIEST_SHARE) return [];
    const percent = Math.round(share * 1000) / 10;
    return [
      makeSignal("rx-queue-imbalance", ID, busiest.reading.line, busiest.reading.lineNumber, source, {
        value: percent,
        detail: `${iface}: receive queue ${busiest.queue} carries ${percent}% of ${total} packets across ${counts.length} queues`,
      }),
    ];
  });
}

function interfaceSignals(reader: NicReader, source: EvidenceSource): Signal[] {
  const signals: Signal[] = [];
  const overlays: Interface[] = [];
  for (const iface of reader.interfaces.values()) {
    const physical = PHYSICAL.test(iface.name) && !iface.name.includes("@if") && !iface.overlay;
    // Default tunnel devices (tunl0, gre0, sit0) exist, admin down, as soon as their module loads.
    const up = iface.flags.size === 0 || iface.flags.has("UP");
    if (iface.overlay && up) overlays.push(iface);
    const carrier = iface.noCarrier ?? (physical ? lostCarrier(iface) : undefined);
    if (carrier) {
      signals.push(makeSignal("link-no-carrier", ID, carrier.line, carrier.lineNumber, source, { detail: `${iface.name}: ${carrier.why}` }));
    }
    if (physical && iface.mtu !== undefined && iface.mtu > 0 && iface.mtu < 1500) {
      signals.push(
        makeSignal("mtu-small", ID, iface.line, iface.lineNumber, source, {
          value: iface.mtu,
          detail: `${iface.name} has MTU ${iface.mtu}, below the 1500 the rest of the path expects`,
        }),
      );
    }
  }
  if (overlays.length > 0) {
    const [first] = overlays;
    const others = overlays.length > 1 ? `; ${overlays.length} overlay or tunnel interfaces listed` : "";
    signals.push(
      makeSignal("mtu-overlay", ID, first.line, first.lineNumber, source, {
        value: first.mtu,
        detail: `overlay or tunnel interface ${first.name}${first.mtu ? ` (MTU ${first.mtu})` : ""}${others}`,
      }),
    );
  }
  return signals;
}

/** An administratively up physical NIC without carrier (ip: NO-CARRIER or state DOWN; ifconfig: no RUNNING). */
function lostCarrier(iface: Interface): Interface["noCarrier"] {
  const at = { line: iface.line, lineNumber: iface.lineNumber };
  if (iface.flags.has("NO-CARRIER")) return { ...at, why: "NO-CARRIER" };
  if (!iface.flags.has("UP")) return undefined;
  if (iface.state === "DOWN" || iface.state === "LOWERLAYERDOWN") return { ...at, why: `up but state ${iface.state}` };
  if (iface.state === undefined && !iface.flags.has("RUNNING")) return { ...at, why: "up but not RUNNING (no carrier)" };
  return undefined;
}

/** Counter lines, interface headers, RX/TX lines, netstat -i's header, and the ethtool and link lines readOther reads. */
const WORDS = ["ethtool", "settings for", "link detected", "mtu:", "flags=", "link encap:"];
const LINE_START = /^\s*(?:[A-Za-z][\w.-]{1,63}:\s+\d+\s*$|link\/|vxlan id |geneve id |ipip |gre |ip6tnl |tun type |RX|TX|Iface|\d+:\s)/i;

export const nicStatsParser = defineParser({
  id: ID,
  title: "NIC counters and links (ethtool, ip -s link, ifconfig, netstat -i)",
  produces: ["nic-rx-drops", "nic-errors", "link-no-carrier", "rx-queue-imbalance", "mtu-small", "mtu-overlay"],
  reads: { words: WORDS, also: (line) => LINE_START.test(line) },
  reader(source) {
    const reader = new NicReader(source.kind === "output" ? source.command : undefined);
    return {
      read: (line, lineNumber) => reader.read(line, lineNumber),
      skip: (line, lineNumber) => reader.skip(line, lineNumber),
      finish: () => [...counterSignals(reader, source), ...queueSignals(reader, source), ...interfaceSignals(reader, source)],
    };
  },
});

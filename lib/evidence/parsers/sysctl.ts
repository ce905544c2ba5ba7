import { defineParser, NOT_BLANK } from "../line-parser";
import { makeSignal, type EvidenceSource, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";

const ID = "sysctl";

const KiB = 1024;
const GiB = 1024 * 1024 * 1024;

/** What one setting's value says, if anything: the signal and a short explanation. */
type Verdict = { signal: SignalId; detail: string; value?: number } | undefined;

/** Each watched key and how its value reads. Thresholds follow the vocabulary's definitions. */
const SETTINGS = new Map<string, (values: number[]) => Verdict>([
  ["net.ipv4.tcp_tw_recycle", ([v]) => ({ signal: v === 0 ? "tw-recycle-off" : "tw-recycle-on", detail: `tcp_tw_recycle is ${v}` })],
  // 2 also enables timestamps (without the random offset).
  ["net.ipv4.tcp_timestamps", ([v]) => (v === 0 ? undefined : { signal: "timestamps-on", detail: `tcp_timestamps is ${v}` })],
  ["net.ipv4.tcp_syncookies", ([v]) => ({ signal: v === 0 ? "syncookies-off" : "syncookies-on", detail: `tcp_syncookies is ${v}` })],
  ["net.core.somaxconn", ([v]) => (v <= 128 ? { signal: "somaxconn-low", detail: `somaxconn is ${v} (128 or less)` } : undefined)],
  ["net.ipv4.tcp_max_syn_backlog", ([v]) => (v <= 1024 ? { signal: "syn-backlog-low", detail: `tcp_max_syn_backlog is ${v} (1024 or less)` } : undefined)],
  ["net.ipv4.ip_local_port_range", portRange],
  ["net.core.rmem_default", ([v]) => receiveBuffer("rmem_default", v)],
  ["net.core.rmem_max", ([v]) => receiveBuffer("rmem_max", v)],
  ["net.netfilter.nf_conntrack_max", ([v]) => conntrackMax(v)],
  ["net.nf_conntrack_max", ([v]) => conntrackMax(v)],
  [
    "net.ipv4.tcp_window_scaling",
    ([v]) => (v === 0 ? { signal: "window-scaling-off", detail: "tcp_window_scaling is 0: windows cannot exceed 64 KB" } : undefined),
  ],
  [
    "net.ipv4.tcp_abort_on_overflow",
    ([v]) => (v === 1 ? { signal: "abort-on-overflow-on", detail: "tcp_abort_on_overflow is 1: a full accept queue resets" } : undefined),
  ],
]);

function portRange([low, high]: number[]): Verdict {
  if (high === undefined || high < low) return undefined;
  const span = high - low + 1;
  if (span >= 30000) return undefined;
  return { signal: "port-range-narrow", value: span, detail: `ip_local_port_range ${low}-${high} spans ${span} ports (fewer than 30000)` };
}

/** A 1 GiB socket buffer is never intended (2^31 - 1 even overflows older kernels' UDP checks); 256 KiB is small for UDP bursts. */
function receiveBuffer(name: string, bytes: number): Verdict {
  if (bytes >= GiB) return { signal: "rmem-default-extreme", detail: `${name} is ${bytes} bytes (1 GiB or more)` };
  if (bytes <= 256 * KiB) return { signal: "udp-buffer-small", detail: `${name} is ${bytes} bytes (256 KiB or less)` };
  return undefined;
}

function conntrackMax(entries: number): Verdict {
  return entries <= 65536 ? { signal: "conntrack-max-low", detail: `nf_conntrack_max is ${entries} (65536 or less)` } : undefined;
}

/**
 * "key = value" from `sysctl -a`, "key=value" from sysctl.conf, optionally behind a grep file
 * prefix ("/etc/sysctl.d/99.conf:12:") or a diff marker ("< ", "+"). Keys may use slashes.
 */
const SETTING_LINE = /^(?:[<>+-]\s?)?(?:\/[\w./-]{1,200}\.conf:(?:\d+:)?)?\s*([a-z][a-z0-9_./-]{2,80})\s*=\s*(-?\d+(?:\s+-?\d+)?)\s*$/;
/** `cat /proc/sys/net/...` and `sysctl -n key ...` print bare values, one per named key, in order. */
const READS_VALUES = /(?:^|[\s;|&$#>])(?:cat|sysctl\s+-[a-zA-Z]{0,5}n[a-zA-Z]{0,5})\s/;
const BARE_VALUE = /^-?\d+(?:\s+-?\d+)?$/;

/** "net.ipv4.tcp_tw_recycle" from a dotted key, a slashed key or a /proc/sys path. */
function keyOf(name: string): string {
  return name.replace(/^\/?proc\/sys\//, "").replaceAll("/", ".");
}

/** Windows `netsh int ipv4 show dynamicport tcp`: "Start Port      : 49152" then "Number of Ports : 16384". */
const NETSH_START_PORT = /^Start Port\s*: (\d{1,5})$/;
const NETSH_PORT_COUNT = /^Number of Ports\s*: (\d{1,5})$/;

class SysctlReader {
  readonly signals: Signal[] = [];
  private readonly emitted = new Set<string>();
  private pending: string[] = [];
  private netshStart?: number;

  constructor(private readonly source: EvidenceSource) {
    if (source.kind === "output" && source.command) this.readCommand(source.command);
  }

  read(raw: string, lineNumber: number): void {
    const line = raw.trim();
    if (!line) return;
    if (this.pending.length > 0 && BARE_VALUE.test(line)) {
      this.evaluate(this.pending.shift()!, line, raw, lineNumber);
      return;
    }
    this.pending = [];
    const start = NETSH_START_PORT.exec(line);
    if (start) {
      this.netshStart = Number(start[1]);
      return;
    }
    const count = NETSH_PORT_COUNT.exec(line);
    if (count && this.netshStart !== undefined) {
      this.evaluate("net.ipv4.ip_local_port_range", `${this.netshStart} ${this.netshStart + Number(count[1]) - 1}`, raw, lineNumber);
      return;
    }
    const setting = SETTING_LINE.exec(line);
    if (setting) {
      this.evaluate(keyOf(setting[1]), setting[2], raw, lineNumber);
      return;
    }
    this.readCommand(line);
  }

  /** Any other line that is not blank: the bare values after it are no longer the command's. */
  skip(raw: string): void {
    if (NOT_BLANK.test(raw)) this.pending = [];
  }

  private readCommand(line: string): void {
    if (!READS_VALUES.test(line)) return;
    this.pending = line
      .split(/\s+/)
      .filter((word) => word.startsWith("/proc/sys/") || /^(?:net|fs|kernel|vm)\.[a-z0-9_.]+$/.test(word))
      .map(keyOf);
  }

  /** Each (key, signal) is reported once, at its first line: a before/after paste keeps both readings. */
  private evaluate(key: string, text: string, line: string, lineNumber: number): void {
    const rule = SETTINGS.get(key);
    if (!rule) return;
    const values = text.trim().split(/\s+/).map(Number);
    const verdict = rule(values);
    if (!verdict || this.emitted.has(`${key}|${verdict.signal}`)) return;
    this.emitted.add(`${key}|${verdict.signal}`);
    const value = verdict.value ?? values[0];
    this.signals.push(makeSignal(verdict.signal, ID, line, lineNumber, this.source, { value, detail: verdict.detail }));
  }
}

/** Settings ("key = 1"), bare values, netsh's port lines and the commands that print bare values. */
const WORDS = ["start port", "number of ports", "sysctl"];
const BARE_VALUE_LINE = /^\s*-?\d+(?:\s+-?\d+)?\s*$/;
const SETTING_END = /=\s*-?\d+(?:\s+-?\d+)?\s*$/;
const CAT = /cat\s/;

export const sysctlParser = defineParser({
  id: ID,
  title: "sysctl settings (and the Windows dynamic port range from netsh)",
  produces: [
    "tw-recycle-on",
    "tw-recycle-off",
    "timestamps-on",
    "syncookies-on",
    "syncookies-off",
    "somaxconn-low",
    "syn-backlog-low",
    "port-range-narrow",
    "rmem-default-extreme",
    "udp-buffer-small",
    "conntrack-max-low",
    "window-scaling-off",
    "abort-on-overflow-on",
  ],
  reads: { words: WORDS, also: (line) => BARE_VALUE_LINE.test(line) || SETTING_END.test(line) || CAT.test(line) },
  reader(source) {
    const reader = new SysctlReader(source);
    return {
      read: (line, lineNumber) => reader.read(line, lineNumber),
      skip: (line) => reader.skip(line),
      finish: () => reader.signals,
    };
  },
});

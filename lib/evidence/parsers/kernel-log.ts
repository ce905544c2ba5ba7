import { defineParser } from "../line-parser";
import { makeSignal, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";

const ID = "kernel-log";

/** One kind of kernel message; `test` sees the lower-cased line. */
type Rule = { signal: SignalId; kind: string; test: (lower: string) => boolean; incident?: boolean };

/** Interface or driver names, so that a "link down" line is about a NIC and not a sentence in a ticket. */
const INTERFACE = /\b(?:(?:eth|ens|eno|enp|em|bond|team|ib|wlan|p\d+p)\d|ixgbe|igb|e1000e?|bnx2x?|bnxt_en|mlx\d_core|i40e|ice|tg3|r8169|virtio_net)\b/;

const RULES: Rule[] = [
  // "nf_conntrack: table full, dropping packet", also "nf_conntrack: nf_conntrack: ..." and ip_conntrack.
  { signal: "conntrack-table-full-log", kind: "conntrack table full", test: (l) => l.includes("table full, dropping packet") },
  { signal: "syn-flood-log", kind: "SYN flooding", test: (l) => l.includes("possible syn flooding on port") },
  { signal: "drop-open-request-log", kind: "drop open request", test: (l) => l.includes("drop open request from") },
  {
    signal: "netdev-watchdog-log",
    kind: "NETDEV WATCHDOG",
    test: (l) => l.includes("netdev watchdog") && l.includes("timed out"),
    incident: true,
  },
  { signal: "tw-bucket-overflow", kind: "time wait bucket table overflow", test: (l) => l.includes("time wait bucket table overflow") },
  {
    signal: "tcp-memory-pressure",
    kind: "TCP memory",
    test: (l) =>
      l.includes("out of socket memory") ||
      l.includes("too many orphaned sockets") ||
      l.includes("too many of orphaned sockets") ||
      l.includes("consider tuning tcp_mem"),
  },
  {
    signal: "neighbour-overflow-log",
    kind: "neighbour table overflow",
    test: (l) => l.includes("neighbour table overflow") || l.includes("neighbor table overflow"),
  },
  {
    signal: "duplicate-address-log",
    kind: "duplicate address",
    // IPv6 DAD, "IPv4: ... address conflict" (kernel, NetworkManager, Windows) and BSD's arp warning.
    test: (l) =>
      (l.includes("duplicate address") && l.includes("detected")) ||
      (l.includes("address conflict") && /detected|ipv[46]|\barp\b/.test(l)) ||
      l.includes("is using my ip address"),
  },
  {
    signal: "link-down-log",
    kind: "link down",
    test: (l) =>
      (l.includes("down") || l.includes("carrier")) &&
      /\blink (?:is )?down\b|\bcarrier lost\b|\blost carrier\b|link status definitely down/.test(l) &&
      INTERFACE.test(l),
  },
  { signal: "kernel-bug-log", kind: "soft lockup", test: (l) => l.includes("bug: soft lockup"), incident: true },
  { signal: "kernel-bug-log", kind: "hard lockup", test: (l) => l.includes("detected hard lockup"), incident: true },
  {
    signal: "kernel-bug-log",
    kind: "hung task",
    test: (l) => l.includes("info: task ") && l.includes("blocked for more than"),
    incident: true,
  },
  // "INFO: rcu_sched self-detected stall on CPU", "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks".
  { signal: "kernel-bug-log", kind: "RCU stall", test: (l) => l.includes("rcu") && l.includes("detected stall"), incident: true },
  // The kernel's WARN format: "WARNING: at net/sched/sch_generic.c:297 ..." or "WARNING: CPU: 3 PID: 1 at ...".
  {
    signal: "kernel-bug-log",
    kind: "WARNING",
    test: (l) => l.includes("warning: ") && /warning: (?:at \S+\.[ch]:\d|cpu: \d+ pid: \d)/.test(l),
    incident: true,
  },
  {
    signal: "kernel-bug-log",
    kind: "kernel BUG",
    test: (l) => l.includes("kernel bug at") || l.includes("bug: unable to handle"),
    incident: true,
  },
  { signal: "kernel-bug-log", kind: "Call Trace", test: (l) => l.includes("call trace:") },
];

/**
 * Every rule and the migration thread need one of these words (in any case): other lines are not read.
 * toLowerCase turns two non-ASCII letters into ASCII ones (U+0130, the Kelvin sign), so they count too.
 */
const WORDS = [
  ..."table full|syn flooding|open request|watchdog|bucket table|socket memory|orphaned|tcp_mem|table overflow".split("|"),
  ..."duplicate address|address conflict|my ip address|down|carrier|lockup|info: task|detected stall|warning: |kernel bug".split("|"),
  ..."bug: unable|call trace:|migration/|\u0130|\u212a".split("|"),
];

/** A migration/N thread named in a stall, lockup or watchdog trace up to this many lines after it starts. */
const TRACE_LINES = 40;
const MIGRATION = /\bmigration\/(\d+)/;

type Seen = { signal: SignalId; kind: string; line: string; lineNumber: number; count: number; ports: Set<string> };

function detailOf(seen: Seen): string {
  const times = seen.count === 1 ? "once" : `${seen.count} times`;
  const ports = seen.ports.size > 0 ? ` (port ${[...seen.ports].slice(0, 5).join(", ")})` : "";
  return `kernel log shows "${seen.kind}"${ports} ${times}`;
}

export const kernelLogParser = defineParser({
  id: ID,
  title: "Kernel log (dmesg, journalctl -k)",
  produces: [
    "conntrack-table-full-log",
    "syn-flood-log",
    "drop-open-request-log",
    "netdev-watchdog-log",
    "kernel-bug-log",
    "link-down-log",
    "tw-bucket-overflow",
    "tcp-memory-pressure",
    "neighbour-overflow-log",
    "duplicate-address-log",
    "migration-thread-stall",
  ],
  reads: { words: WORDS },
  reader(source) {
    const seen = new Map<string, Seen>();
    let migration: Signal | undefined;
    let lastIncident = -Infinity;
    return {
      read(line, lineNumber) {
        const index = lineNumber - 1;
        if (line === "") return; // no rule matches an empty line
        const lower = line.toLowerCase();
        // A printf format ("transmit queue %u timed out") is kernel source quoted in a ticket, not a log line.
        if (lower.includes("%s") || lower.includes("%u")) return;
        let incident = false;
        for (const rule of RULES) {
          if (!rule.test(lower)) continue;
          incident ||= rule.incident === true;
          const key = `${rule.signal}|${rule.kind}`;
          const entry = seen.get(key) ?? { signal: rule.signal, kind: rule.kind, line, lineNumber, count: 0, ports: new Set() };
          entry.count += 1;
          const port = rule.signal === "syn-flood-log" ? /on port (\d+)/.exec(lower) : null;
          if (port) entry.ports.add(port[1]);
          seen.set(key, entry);
        }
        if (incident) lastIncident = index;
        const thread = migration || !lower.includes("migration/") ? null : MIGRATION.exec(lower);
        if (thread && index - lastIncident <= TRACE_LINES) {
          migration = makeSignal("migration-thread-stall", ID, line, lineNumber, source, {
            value: Number(thread[1]),
            detail: `migration/${thread[1]} is named in the stall or watchdog trace that starts on line ${lastIncident + 1}`,
          });
        }
      },
      finish() {
        const signals = [...seen.values()].map((entry) =>
          makeSignal(entry.signal, ID, entry.line, entry.lineNumber, source, { value: entry.count, detail: detailOf(entry) }),
        );
        return migration ? [...signals, migration] : signals;
      },
    };
  },
});

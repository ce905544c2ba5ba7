/** Ids of the output parsers (lib/evidence/parsers); trees name them in command steps. */
export const PARSER_IDS = [
  "netstat-s",
  "ss-listen",
  "ss-summary",
  "tcp-states",
  "conntrack-stats",
  "kernel-log",
  "sysctl",
  "fd-limits",
  "curl",
  "connect-tools",
  "dns-tools",
  "path-trace",
  "nic-stats",
  "softnet",
  "iptables",
  "tcpdump",
  "proxy-log",
  "strace-perf",
  "app-errors",
  "cgroup-cpu",
] as const;

export type ParserId = (typeof PARSER_IDS)[number];

export const isParserId = (value: string): value is ParserId => (PARSER_IDS as readonly string[]).includes(value);

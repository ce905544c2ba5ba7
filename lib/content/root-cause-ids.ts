/**
 * Root-cause ids: the public contract from shared/root-cause-taxonomy.md.
 * Never rename an id; adding one needs a page under content/root-causes/.
 */
export const ROOT_CAUSE_IDS = [
  "syn-queue-overflow",
  "accept-queue-overflow",
  "tcp-tw-recycle-nat-timestamps",
  "conntrack-table-full",
  "conntrack-insert-race",
  "time-wait-port-exhaustion",
  "ephemeral-port-search-contention",
  "fd-limit-exhausted",
  "udp-receive-buffer-overflow",
  "tcp-window-scaling-missing",
  "tcp-retransmission-hol-blocking",
  "softirq-cpu-imbalance",
  "kernel-bug",
  "idle-connection-leak",
  "keepalive-timeout-mismatch",
  "close-wait-leak",
  "client-timeout-active-close",
  "app-thread-pool-exhaustion",
  "http-framing-violation",
  "shared-socket-lock-contention",
  "mtu-mismatch",
  "firewall-drop",
  "firewall-reject",
  "isp-routing-loss",
  "ip-address-conflict",
  "nic-or-link-down",
  "underlay-network-drop",
  "lb-session-conflict",
  "lb-node-fault",
  "stale-dns-upstream",
  "iptables-redirect-hijack",
  "dns-resolution-failure",
  "nsswitch-lookup-order",
  "dns-query-id-collision",
  "host-environment-misconfig",
  "container-scheduler-misconfig",
  "dependency-endpoint-misconfig",
  "orchestrator-endpoint-deletion",
  "diagnostic-tool-artifact",
] as const;

export type RootCauseId = (typeof ROOT_CAUSE_IDS)[number];

export const isRootCauseId = (value: string): value is RootCauseId => (ROOT_CAUSE_IDS as readonly string[]).includes(value);

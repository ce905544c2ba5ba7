import type { RootCauseId } from "../content/root-cause-ids";
import type { SignalId } from "../evidence/vocabulary";

/**
 * How strongly each signal speaks for (positive) or against (negative) each root cause, as a
 * log-likelihood ratio in nats: about +3 is "this is how the cause shows itself" (seen with it,
 * rarely without), +1.5 is typical of it, +0.7 is compatible, and negative values mean the
 * observation is unlikely under the cause. Built from how each cause shows in general (see its
 * page under content/root-causes/), never from one case's wording.
 */
export type SignalWeights = Partial<Record<RootCauseId, number>>;

export const RULES: Partial<Record<SignalId, SignalWeights>> = {
  // Kernel counters
  "listen-overflows": { "accept-queue-overflow": 3, "app-thread-pool-exhaustion": 1, "syn-queue-overflow": 0.7, "tcp-tw-recycle-nat-timestamps": -1 },
  "listen-drops": { "accept-queue-overflow": 1.5, "syn-queue-overflow": 1.5, "tcp-tw-recycle-nat-timestamps": 1.5 },
  "paws-passive-rejected": { "tcp-tw-recycle-nat-timestamps": 3.5 },
  "paws-rejects-track-listen-drops": { "tcp-tw-recycle-nat-timestamps": 3, "accept-queue-overflow": -2, "syn-queue-overflow": -2 },
  "syncookies-sent": { "syn-queue-overflow": 2.5 },
  "syn-queue-drops": { "syn-queue-overflow": 3 },
  "tcp-retransmits": { "tcp-retransmission-hol-blocking": 1.5, "mtu-mismatch": 1, "isp-routing-loss": 1, "underlay-network-drop": 0.7, "kernel-bug": 0.5, "nic-or-link-down": 0.5 },
  "tcp-timeouts": { "tcp-retransmission-hol-blocking": 1, "isp-routing-loss": 0.7, "mtu-mismatch": 0.7 },
  "udp-rcvbuf-errors": { "udp-receive-buffer-overflow": 3 },
  "udp-in-errors": { "udp-receive-buffer-overflow": 1.5 },
  "tw-bucket-overflow": { "time-wait-port-exhaustion": 2.5 },
  "tcp-wqueue-too-big": { "kernel-bug": 3 },
  "tcp-memory-pressure": { "kernel-bug": 0.7, "close-wait-leak": 0.7, "idle-connection-leak": 0.7 },

  // Socket states
  "many-close-wait": { "close-wait-leak": 3, "app-thread-pool-exhaustion": 1.5, "idle-connection-leak": 0.5 },
  "many-fin-wait2": { "client-timeout-active-close": 3 },
  "many-time-wait": { "time-wait-port-exhaustion": 2, "client-timeout-active-close": 0.5 },
  "many-syn-recv": { "syn-queue-overflow": 2.5, "tcp-tw-recycle-nat-timestamps": -0.5 },
  "many-syn-sent": { "firewall-drop": 1, "tcp-tw-recycle-nat-timestamps": 1, "conntrack-table-full": 0.7, "lb-session-conflict": 0.7, "syn-queue-overflow": 0.5 },
  "accept-queue-full": { "accept-queue-overflow": 3, "app-thread-pool-exhaustion": 1.5, "close-wait-leak": 0.7 },
  "listen-backlog-small": { "accept-queue-overflow": 1 },

  // Conntrack
  "conntrack-insert-failed": { "conntrack-insert-race": 3.5, "conntrack-table-full": 0.5 },
  "conntrack-drop": { "conntrack-table-full": 2, "conntrack-insert-race": 1.5 },
  "conntrack-table-full-log": { "conntrack-table-full": 4 },
  "conntrack-near-max": { "conntrack-table-full": 2.5 },

  // Kernel log
  "syn-flood-log": { "syn-queue-overflow": 3 },
  "drop-open-request-log": { "syn-queue-overflow": 2.5 },
  "netdev-watchdog-log": { "kernel-bug": 2.5, "nic-or-link-down": 1.5 },
  "kernel-bug-log": { "kernel-bug": 2.5 },
  "link-down-log": { "nic-or-link-down": 3 },
  "neighbour-overflow-log": { "host-environment-misconfig": 1, "container-scheduler-misconfig": 0.5 },
  "duplicate-address-log": { "ip-address-conflict": 3.5 },
  "migration-thread-stall": { "kernel-bug": 3 },

  // sysctl
  "tw-recycle-on": { "tcp-tw-recycle-nat-timestamps": 2 },
  "tw-recycle-off": { "tcp-tw-recycle-nat-timestamps": -4 },
  "timestamps-on": { "tcp-tw-recycle-nat-timestamps": 0.3 },
  "syncookies-off": { "syn-queue-overflow": 1 },
  "syncookies-on": { "syn-queue-overflow": -0.7 },
  "somaxconn-low": { "accept-queue-overflow": 1 },
  "syn-backlog-low": { "syn-queue-overflow": 1 },
  "port-range-narrow": { "time-wait-port-exhaustion": 1.2, "ephemeral-port-search-contention": 1 },
  "rmem-default-extreme": { "udp-receive-buffer-overflow": 3 },
  "udp-buffer-small": { "udp-receive-buffer-overflow": 1 },
  "conntrack-max-low": { "conntrack-table-full": 1 },
  "window-scaling-off": { "tcp-window-scaling-missing": 3 },
  "abort-on-overflow-on": { "accept-queue-overflow": 1 },

  // File descriptors
  "fd-limit-low": { "fd-limit-exhausted": 1.5, "idle-connection-leak": 0.5 },
  "too-many-open-files": { "fd-limit-exhausted": 3.5, "idle-connection-leak": 1, "close-wait-leak": 0.7 },

  // Client tools
  "conn-refused": { "firewall-reject": 1.5, "lb-node-fault": 1.5, "ip-address-conflict": 1.2, "accept-queue-overflow": 0.5, "diagnostic-tool-artifact": 0.5, "firewall-drop": -2, "tcp-tw-recycle-nat-timestamps": -2, "syn-queue-overflow": -1.5, "isp-routing-loss": -1.5 },
  "conn-timeout": { "firewall-drop": 1.5, "tcp-tw-recycle-nat-timestamps": 1.2, "syn-queue-overflow": 1, "conntrack-table-full": 1, "conntrack-insert-race": 0.7, "lb-session-conflict": 1, "idle-connection-leak": 1, "isp-routing-loss": 1, "underlay-network-drop": 1, "nic-or-link-down": 0.7, "accept-queue-overflow": 0.7, "firewall-reject": -1.5 },
  "conn-reset": { "keepalive-timeout-mismatch": 1.5, "ip-address-conflict": 0.7, "close-wait-leak": 0.7, "firewall-reject": 0.5, "accept-queue-overflow": 0.5 },
  "empty-reply": { "keepalive-timeout-mismatch": 1, "app-thread-pool-exhaustion": 0.7, "close-wait-leak": 0.7 },
  "no-route-to-host": { "firewall-reject": 2, "nic-or-link-down": 1, "ip-address-conflict": 0.5 },
  "cannot-assign-address": { "time-wait-port-exhaustion": 3.5, "ephemeral-port-search-contention": 1 },
  "connect-ok": { "firewall-drop": -1, "nic-or-link-down": -2, "underlay-network-drop": -1.5, "lb-node-fault": -0.5 },
  "http-5xx": { "keepalive-timeout-mismatch": 0.7, "app-thread-pool-exhaustion": 0.7, "stale-dns-upstream": 0.7, "lb-node-fault": 0.5 },
  "http-502": { "keepalive-timeout-mismatch": 1.5, "stale-dns-upstream": 1, "lb-node-fault": 0.7, "close-wait-leak": 0.5 },
  "http-504": { "app-thread-pool-exhaustion": 1.5, "close-wait-leak": 1, "accept-queue-overflow": 0.5 },
  "http-204-with-length": { "http-framing-violation": 4 },
  "slow-first-byte": { "http-framing-violation": 1, "app-thread-pool-exhaustion": 1.5, "tcp-retransmission-hol-blocking": 0.7 },
  "slow-connect": { "tcp-tw-recycle-nat-timestamps": 1, "syn-queue-overflow": 1, "conntrack-insert-race": 1, "isp-routing-loss": 0.7, "lb-session-conflict": 0.7 },
  "slow-name-lookup": { "conntrack-insert-race": 2, "dns-query-id-collision": 1.5, "nsswitch-lookup-order": 1, "dns-resolution-failure": 0.7 },
  "resolve-failed": { "dns-resolution-failure": 2, "firewall-drop": 0.5, "dns-query-id-collision": 0.7, "orchestrator-endpoint-deletion": 0.7 },
  "ping-ok": { "nic-or-link-down": -2, "ip-address-conflict": -0.5, "mtu-mismatch": 0.3, "underlay-network-drop": 0.3 },
  "ping-large-fails": { "mtu-mismatch": 3.5 },
  "frag-needed": { "mtu-mismatch": 3 },

  // DNS tools
  "dns-timeout": { "dns-resolution-failure": 1.5, "firewall-drop": 1.2, "udp-receive-buffer-overflow": 1, "conntrack-insert-race": 0.7 },
  "dns-servfail": { "dns-resolution-failure": 2 },
  "dns-nxdomain": { "dns-resolution-failure": 1, "orchestrator-endpoint-deletion": 1, "dns-query-id-collision": 0.5 },
  "dns-slow-5s": { "conntrack-insert-race": 2.5, "dns-query-id-collision": 1.5, "nsswitch-lookup-order": 1, "dns-resolution-failure": 1 },
  "dns-loopback-server": { "dns-resolution-failure": 2 },
  "dns-tcp-ok": { "udp-receive-buffer-overflow": 1.5, "firewall-drop": 1, "dns-resolution-failure": -0.5 },
  "dns-answer-ok": { "dns-resolution-failure": -0.7 },
  "resolv-rotate": { "dns-resolution-failure": 2 },
  "resolv-single-request": { "conntrack-insert-race": -1 },
  "nsswitch-missing": { "nsswitch-lookup-order": 3 },
  "go-resolver-dns-first": { "nsswitch-lookup-order": 3.5 },
  "musl-libc": { "dns-query-id-collision": 1.5, "nsswitch-lookup-order": 1.2, "conntrack-insert-race": 0.5 },

  // Paths
  "path-loss-midway": { "isp-routing-loss": 3, "underlay-network-drop": 0.7 },
  "path-loss-final-hop": { "firewall-drop": 1, "nic-or-link-down": 0.7, "softirq-cpu-imbalance": 0.5 },
  "path-loop": { "isp-routing-loss": 3.5 },
  "path-clean": { "isp-routing-loss": -2 },
  "path-timeouts": { "firewall-drop": 1.2, "isp-routing-loss": 0.7 },

  // NIC and softirq
  "nic-rx-drops": { "softirq-cpu-imbalance": 1.5, "nic-or-link-down": 1 },
  "nic-errors": { "nic-or-link-down": 2 },
  "link-no-carrier": { "nic-or-link-down": 4 },
  "rx-queue-imbalance": { "softirq-cpu-imbalance": 2.5 },
  "softnet-drops": { "softirq-cpu-imbalance": 2 },
  "softnet-squeeze": { "softirq-cpu-imbalance": 1.5 },
  "softirq-hot-cpu": { "softirq-cpu-imbalance": 3, "kernel-bug": 0.5 },
  "mtu-small": { "mtu-mismatch": 2.5 },
  "mtu-overlay": { "mtu-mismatch": 1, "underlay-network-drop": 1 },

  // Firewall and NAT rules
  "nat-redirect-rule": { "iptables-redirect-hijack": 3 },
  "filter-drop-rule": { "firewall-drop": 1.5 },
  "filter-reject-rule": { "firewall-reject": 2 },
  "masquerade-no-random-fully": { "conntrack-insert-race": 0.7 },

  // Captures
  "syn-no-synack": { "tcp-tw-recycle-nat-timestamps": 1.5, "firewall-drop": 1.5, "syn-queue-overflow": 1.2, "conntrack-insert-race": 1.2, "conntrack-table-full": 1, "lb-session-conflict": 1.2, "idle-connection-leak": 1, "underlay-network-drop": 1, "accept-queue-overflow": 0.7, "firewall-reject": -2, "lb-node-fault": 0.3 },
  "syn-retransmit-same-port": { "tcp-tw-recycle-nat-timestamps": 1, "conntrack-insert-race": 0.7, "syn-queue-overflow": 0.7, "firewall-drop": 0.7, "lb-session-conflict": 0.7 },
  "rst-to-syn": { "firewall-reject": 1.5, "ip-address-conflict": 1.5, "lb-node-fault": 1, "accept-queue-overflow": 0.5, "firewall-drop": -2, "tcp-tw-recycle-nat-timestamps": -2 },
  "rst-mid-stream": { "keepalive-timeout-mismatch": 1.5, "lb-session-conflict": 0.7, "close-wait-leak": 0.5 },
  "fin-then-request-rst": { "keepalive-timeout-mismatch": 4 },
  "icmp-admin-prohibited": { "firewall-reject": 3.5 },
  "icmp-port-unreachable": { "firewall-reject": 1, "lb-node-fault": 0.5 },
  "icmp-host-unreachable": { "firewall-reject": 1.2, "nic-or-link-down": 1, "isp-routing-loss": 0.5 },
  "tcp-retransmission-seen": { "tcp-retransmission-hol-blocking": 2, "mtu-mismatch": 1.2, "isp-routing-loss": 1, "underlay-network-drop": 0.7, "kernel-bug": 0.5 },
  "dup-acks": { "tcp-retransmission-hol-blocking": 1.5, "kernel-bug": 1, "isp-routing-loss": 0.7 },
  "no-wscale-in-syn": { "tcp-window-scaling-missing": 3.5 },
  "small-window": { "tcp-window-scaling-missing": 2 },
  "dns-parallel-a-aaaa": { "conntrack-insert-race": 1.5, "dns-query-id-collision": 1 },
  "dns-same-id-a-aaaa": { "dns-query-id-collision": 3.5 },
  "arp-no-reply": { "nic-or-link-down": 2, "underlay-network-drop": 1, "ip-address-conflict": 0.5 },
  "two-macs-one-ip": { "ip-address-conflict": 4 },
  "overlay-no-reply": { "underlay-network-drop": 3, "firewall-drop": 0.7 },

  // Proxy logs
  "upstream-no-live": { "stale-dns-upstream": 2, "lb-node-fault": 1.2, "app-thread-pool-exhaustion": 0.5 },
  "upstream-refused": { "lb-node-fault": 1.5, "stale-dns-upstream": 1.2, "firewall-reject": 0.7 },
  "upstream-timeout": { "app-thread-pool-exhaustion": 1.5, "accept-queue-overflow": 1, "close-wait-leak": 0.7, "firewall-drop": 0.5 },
  "upstream-reset": { "keepalive-timeout-mismatch": 2.5, "close-wait-leak": 0.5 },
  "upstream-old-ip": { "stale-dns-upstream": 3.5 },

  // Process and application
  "futex-dominant": { "shared-socket-lock-contention": 3 },
  "read-truncated": { "udp-receive-buffer-overflow": 0.7 },
  "goroutines-blocked": { "app-thread-pool-exhaustion": 2.5, "close-wait-leak": 1.5 },
  "inet-hash-connect-hot": { "ephemeral-port-search-contention": 3.5 },
  "inet-lookup-listener-hot": { "softirq-cpu-imbalance": 2.5 },

  // Ticket text: broad, so weaker.
  "text-timeout": { "firewall-drop": 0.5, "tcp-tw-recycle-nat-timestamps": 0.5, "syn-queue-overflow": 0.4, "conntrack-insert-race": 0.4, "isp-routing-loss": 0.5, "lb-session-conflict": 0.2, "idle-connection-leak": 0.4, "underlay-network-drop": 0.4, "mtu-mismatch": 0.3, "app-thread-pool-exhaustion": 0.3, "firewall-reject": -0.7 },
  "text-refused": { "firewall-reject": 1, "lb-node-fault": 1, "ip-address-conflict": 0.8, "diagnostic-tool-artifact": 0.5, "firewall-drop": -0.7 },
  "text-reset": { "keepalive-timeout-mismatch": 0.8, "ip-address-conflict": 0.8, "firewall-reject": 0.5, "lb-session-conflict": 0.4 },
  "text-5xx": { "keepalive-timeout-mismatch": 1.2, "stale-dns-upstream": 1, "lb-node-fault": 0.7, "close-wait-leak": 0.7, "app-thread-pool-exhaustion": 0.7 },
  "text-slow": { "tcp-window-scaling-missing": 0.8, "tcp-retransmission-hol-blocking": 0.8, "mtu-mismatch": 0.5, "http-framing-violation": 0.5, "shared-socket-lock-contention": 0.5, "softirq-cpu-imbalance": 0.5, "isp-routing-loss": 0.5, "app-thread-pool-exhaustion": 0.5 },
  "text-dns": { "dns-resolution-failure": 1.2, "nsswitch-lookup-order": 1, "dns-query-id-collision": 1, "conntrack-insert-race": 0.5, "udp-receive-buffer-overflow": 0.5, "orchestrator-endpoint-deletion": 0.3 },
  "text-intermittent": { "tcp-tw-recycle-nat-timestamps": 0.7, "conntrack-insert-race": 0.7, "keepalive-timeout-mismatch": 0.7, "syn-queue-overflow": 0.5, "lb-session-conflict": 0.4, "ip-address-conflict": 0.5, "dns-query-id-collision": 0.5, "accept-queue-overflow": 0.5, "nic-or-link-down": -0.7, "underlay-network-drop": -0.5 },
  "text-some-clients": { "tcp-tw-recycle-nat-timestamps": 1, "isp-routing-loss": 0.8, "lb-session-conflict": 0.5, "idle-connection-leak": 0.5, "ip-address-conflict": 0.5, "syn-queue-overflow": -0.3, "accept-queue-overflow": -0.3 },
  "text-nat": { "tcp-tw-recycle-nat-timestamps": 1.5, "conntrack-insert-race": 0.7, "lb-session-conflict": 0.4 },
  "text-kubernetes": { "conntrack-insert-race": 1, "nsswitch-lookup-order": 0.5, "dns-query-id-collision": 0.5, "syn-queue-overflow": 0.3, "iptables-redirect-hijack": 0.3 },
  "text-container": { "ip-address-conflict": 0.5, "nsswitch-lookup-order": 0.5, "underlay-network-drop": 0.5, "mtu-mismatch": 0.5, "container-scheduler-misconfig": 0.5, "orchestrator-endpoint-deletion": 0.3, "nic-or-link-down": 0.3 },
  "text-load-balancer": { "keepalive-timeout-mismatch": 0.7, "lb-node-fault": 0.8, "stale-dns-upstream": 0.7, "lb-session-conflict": 0.7 },
  "text-carrier": { "isp-routing-loss": 2 },
  "text-5s-delay": { "conntrack-insert-race": 0.8, "dns-query-id-collision": 0.5, "nsswitch-lookup-order": 0.5 },
  "text-large-transfers": { "mtu-mismatch": 2.5, "tcp-window-scaling-missing": 0.5 },
  "text-overlay": { "underlay-network-drop": 1.5, "mtu-mismatch": 1 },
  "text-after-scaling": { "stale-dns-upstream": 1.2, "lb-node-fault": 1, "iptables-redirect-hijack": 0.5 },
  "text-after-move": { "nic-or-link-down": 1.5, "orchestrator-endpoint-deletion": 0.7, "ip-address-conflict": 0.5 },
  "text-wrong-response": { "iptables-redirect-hijack": 2, "nsswitch-lookup-order": 1, "dns-resolution-failure": 0.7, "ip-address-conflict": 0.7 },
  "text-high-load": { "softirq-cpu-imbalance": 1.2, "ephemeral-port-search-contention": 0.8, "kernel-bug": 0.8, "shared-socket-lock-contention": 0.5 },
  "text-burst": { "syn-queue-overflow": 1, "accept-queue-overflow": 1, "conntrack-insert-race": 0.8, "time-wait-port-exhaustion": 0.5 },
  "text-keepalive": { "keepalive-timeout-mismatch": 1.2, "idle-connection-leak": 0.8, "close-wait-leak": 0.3 },
  "text-tool-doubt": { "diagnostic-tool-artifact": 1.5, "dns-resolution-failure": 0.5 },
  "text-udp": { "udp-receive-buffer-overflow": 0.8, "shared-socket-lock-contention": 0.5, "underlay-network-drop": 0.3 },
  "text-conn-limit": { "idle-connection-leak": 1.2, "fd-limit-exhausted": 0.8, "accept-queue-overflow": 0.3 },
  "text-permission-denied": { "host-environment-misconfig": 2.5 },
  "text-env-missing": { "host-environment-misconfig": 2.5 },
  "text-scheduler-resources": { "container-scheduler-misconfig": 3 },
  "text-log-flood": { "dependency-endpoint-misconfig": 1.5, "app-thread-pool-exhaustion": 0.5 },
  "text-config-no-effect": { "dependency-endpoint-misconfig": 2, "host-environment-misconfig": 0.5 },
  "text-endpoint-missing": { "orchestrator-endpoint-deletion": 2.5, "dns-resolution-failure": 0.5 },
  "text-process-gone": { "app-thread-pool-exhaustion": 1.5, "diagnostic-tool-artifact": 0.7, "host-environment-misconfig": 0.5 },
  "text-threads-pile-up": { "app-thread-pool-exhaustion": 2.5, "close-wait-leak": 0.8 },
  "text-retransmission": { "tcp-retransmission-hol-blocking": 1.5, "kernel-bug": 0.8, "mtu-mismatch": 0.5, "isp-routing-loss": 0.3 },
  "text-kernel": { "kernel-bug": 2, "ephemeral-port-search-contention": 0.7, "softirq-cpu-imbalance": 0.5 },
  "text-http-204": { "http-framing-violation": 3.5 },
  "text-lock-contention": { "shared-socket-lock-contention": 3 },
  "text-ipv6": { "dns-query-id-collision": 1.2, "conntrack-insert-race": 0.5 },
  "text-probe-fails": { "syn-queue-overflow": 1, "accept-queue-overflow": 0.8, "app-thread-pool-exhaustion": 0.5 },
  "text-firewall": { "firewall-drop": 1.2, "firewall-reject": 0.8 },
  "text-port-range": { "ephemeral-port-search-contention": 1.5, "time-wait-port-exhaustion": 1.2 },
  "text-response-but-waits": { "http-framing-violation": 2.5, "app-thread-pool-exhaustion": 0.3 },
  "text-stall-together": { "tcp-retransmission-hol-blocking": 2.5, "app-thread-pool-exhaustion": 0.5 },
  "text-window-limited": { "tcp-window-scaling-missing": 2.5 },
  "text-direct-and-vip": { "lb-session-conflict": 3 },
  "text-ip-conflict": { "ip-address-conflict": 3 },
  "text-tw-recycle": { "tcp-tw-recycle-nat-timestamps": 1.5 },
  "text-dns-cached": { "stale-dns-upstream": 2.5 },
  "text-resolver-config": { "dns-resolution-failure": 2.5, "host-environment-misconfig": 0.5 },
  "text-fraction-fails": { "lb-node-fault": 2, "lb-session-conflict": 0.5, "ip-address-conflict": 0.5, "stale-dns-upstream": 0.5 },
  "text-single-stream-capped": { "tcp-window-scaling-missing": 2.5, "isp-routing-loss": 0.3 },
  "text-port-forward": { "iptables-redirect-hijack": 2 },

  "text-kernel-version": { "kernel-bug": 0.3 },
  "spinlock-hot": { "shared-socket-lock-contention": 2.5, "ephemeral-port-search-contention": 0.7, "softirq-cpu-imbalance": 0.3 },
  "text-dead-peers": { "idle-connection-leak": 2.5, "keepalive-timeout-mismatch": 0.3 },
  "text-rst-not-from-server": { "firewall-reject": 2, "ip-address-conflict": 0.7, "lb-node-fault": 0.5 },
  "text-offload": { "diagnostic-tool-artifact": 2, "mtu-mismatch": -0.5 },
  "text-endpoint-config": { "dependency-endpoint-misconfig": 2.5 },
  "capture-offload-artifact": { "diagnostic-tool-artifact": 3, "mtu-mismatch": -1, "nic-or-link-down": -1 },
  "cpu-throttled": { "container-scheduler-misconfig": 3, "app-thread-pool-exhaustion": 0.5 },

  // Application and shell errors
  "app-pool-exhausted": { "app-thread-pool-exhaustion": 3, "close-wait-leak": 1.5, "idle-connection-leak": 0.5 },
  "upstream-not-in-dns": { "stale-dns-upstream": 3.5, "dependency-endpoint-misconfig": 0.5 },
  "refused-on-loopback": { "dependency-endpoint-misconfig": 1.5, "host-environment-misconfig": 0.5 },
  "service-not-found": { "orchestrator-endpoint-deletion": 2.5, "dns-resolution-failure": 0.3 },
  "capture-empty": { "firewall-drop": 1.5, "underlay-network-drop": 1, "nic-or-link-down": 0.5, "isp-routing-loss": 0.3 },
  "http-framing-error": { "http-framing-violation": 3, "keepalive-timeout-mismatch": 0.3 },
  "command-not-found": { "host-environment-misconfig": 3 },

  // Derived combinations
  "reachable-but-port-silent": { "firewall-drop": 2, "dns-resolution-failure": -0.5, "nic-or-link-down": -1 },
  "udp-fails-tcp-works": { "udp-receive-buffer-overflow": 2, "firewall-drop": 1, "dns-resolution-failure": -1 },
};

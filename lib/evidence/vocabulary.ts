/**
 * Every kind of evidence the engine understands. Parsers emit these ids; triage rules weigh them.
 * Add an id here before a parser emits it; never reuse an id for a different meaning.
 */
export const SIGNALS = {
  // Kernel TCP/UDP counters (netstat -s, nstat). Emitted when the counter is > 0, or rose between snapshots.
  "listen-overflows": "accept queue overflowed (TcpExtListenOverflows / 'times the listen queue of a socket overflowed')",
  "listen-drops": "SYNs to LISTEN sockets dropped (TcpExtListenDrops)",
  "paws-passive-rejected": "SYNs rejected by the PAWS timestamp check (TcpExtPAWSPassive / 'passive connections rejected because of time stamp')",
  "paws-rejects-track-listen-drops": "PAWS rejects account for almost all listen drops",
  "syncookies-sent": "SYN cookies sent (TcpExtSyncookiesSent)",
  "syn-queue-drops": "SYN (half-open) queue drops (TcpExtTCPReqQFullDrop / TCPReqQFullDoCookies)",
  "tcp-retransmits": "TCP segments retransmitted at a notable rate (TcpRetransSegs, 'segments retransmitted', fast retransmits)",
  "tcp-timeouts": "TCP retransmission timeouts (TcpExtTCPTimeouts)",
  "udp-rcvbuf-errors": "UDP receive buffer errors (UdpRcvbufErrors / 'receive buffer errors')",
  "udp-in-errors": "UDP packet receive errors (UdpInErrors)",
  "tw-bucket-overflow": "TIME_WAIT bucket table overflow (TcpExtTCPTimeWaitOverflow or the kernel message)",
  "tcp-wqueue-too-big": "TcpExtTCPWqueueTooBig rising (SACK-fix regression)",
  "tcp-memory-pressure": "TCP memory pressure or orphan overflow ('Out of socket memory', 'too many orphaned sockets')",

  // Socket state tables (netstat -ant, ss -tan, ss -s, state counts).
  "many-close-wait": "many sockets in CLOSE_WAIT",
  "many-fin-wait2": "many sockets in FIN_WAIT2",
  "many-time-wait": "many sockets in TIME_WAIT",
  "many-syn-recv": "many sockets in SYN_RECV",
  "many-syn-sent": "many sockets in SYN_SENT (connects not answered)",
  "accept-queue-full": "a listener's Recv-Q has reached its Send-Q backlog (ss -lnt)",
  "listen-backlog-small": "a listener's backlog (ss -lnt Send-Q) is 128 or less",

  // Connection tracking.
  "conntrack-insert-failed": "conntrack insert_failed > 0 (or rising)",
  "conntrack-drop": "conntrack drop / early_drop > 0 (or rising)",
  "conntrack-table-full-log": "kernel: 'nf_conntrack: table full, dropping packet'",
  "conntrack-near-max": "nf_conntrack_count is at least 90% of nf_conntrack_max",

  // Kernel log (dmesg, journalctl -k).
  "syn-flood-log": "kernel: 'Possible SYN flooding on port ...'",
  "drop-open-request-log": "kernel: 'TCP: drop open request from ...'",
  "netdev-watchdog-log": "kernel: 'NETDEV WATCHDOG: ... transmit queue N timed out'",
  "kernel-bug-log": "kernel: BUG / soft lockup / hung task / WARNING with a call trace",
  "link-down-log": "kernel: NIC link down / carrier lost",
  "neighbour-overflow-log": "kernel: 'neighbour table overflow'",
  "duplicate-address-log": "a duplicate address was detected (kernel, arping, switch table)",

  // sysctl values.
  "tw-recycle-on": "net.ipv4.tcp_tw_recycle = 1",
  "tw-recycle-off": "net.ipv4.tcp_tw_recycle = 0",
  "timestamps-on": "net.ipv4.tcp_timestamps = 1",
  "syncookies-off": "net.ipv4.tcp_syncookies = 0",
  "syncookies-on": "net.ipv4.tcp_syncookies = 1",
  "somaxconn-low": "net.core.somaxconn is 128 or less",
  "syn-backlog-low": "net.ipv4.tcp_max_syn_backlog is 1024 or less",
  "port-range-narrow": "net.ipv4.ip_local_port_range spans fewer than 30000 ports",
  "rmem-default-extreme": "net.core.rmem_default or rmem_max is set to an extreme value (>= 1 GiB)",
  "udp-buffer-small": "net.core.rmem_default / rmem_max at or below 256 KiB on a UDP-heavy host",
  "conntrack-max-low": "net.netfilter.nf_conntrack_max is 65536 or less",
  "window-scaling-off": "net.ipv4.tcp_window_scaling = 0",
  "abort-on-overflow-on": "net.ipv4.tcp_abort_on_overflow = 1",

  // File descriptors.
  "fd-limit-low": "open-files limit (ulimit -n, /proc/<pid>/limits) is 4096 or less",
  "too-many-open-files": "error 'Too many open files' (EMFILE)",

  // Client tools (curl, nc, telnet, ping).
  "conn-refused": "connection refused (RST answer to the SYN)",
  "conn-timeout": "connect timed out (no answer to the SYN)",
  "conn-reset": "connection reset by peer during the exchange",
  "empty-reply": "curl: empty reply from server",
  "no-route-to-host": "no route to host / host unreachable",
  "cannot-assign-address": "'Cannot assign requested address' (EADDRNOTAVAIL)",
  "connect-ok": "the tool connected successfully",
  "http-5xx": "an HTTP 5xx status",
  "http-502": "HTTP 502 Bad Gateway",
  "http-504": "HTTP 504 Gateway Timeout",
  "http-204-with-length": "HTTP 204/304 response carrying Content-Length or a body",
  "slow-first-byte": "time to first byte is long while connect was fast",
  "slow-connect": "TCP connect took seconds (SYN retransmitted)",
  "slow-name-lookup": "name lookup took about 5 s (or 10 s)",
  "resolve-failed": "host name could not be resolved",
  "ping-ok": "ping gets replies",
  "ping-large-fails": "ping with a large payload / DF set fails while small pings pass",
  "frag-needed": "ICMP fragmentation needed / 'Message too long' / 'Frag needed and DF set'",

  // DNS tools (dig, nslookup).
  "dns-timeout": "DNS query timed out (';; connection timed out; no servers could be reached', 'request timed out')",
  "dns-servfail": "DNS SERVFAIL / REFUSED",
  "dns-nxdomain": "DNS NXDOMAIN",
  "dns-slow-5s": "DNS query time around 5000 ms",
  "dns-loopback-server": "resolver is 127.0.0.1 / a loopback address",
  "dns-tcp-ok": "DNS over TCP (dig +tcp) answers",
  "dns-answer-ok": "DNS answered normally",
  "resolv-rotate": "resolv.conf has 'options rotate'",
  "resolv-single-request": "resolv.conf has single-request / single-request-reopen / use-vc",
  "nsswitch-missing": "no /etc/nsswitch.conf, or hosts: lookup order puts dns before files",
  "go-resolver-dns-first": "Go resolver debug shows hostLookupOrder ... = dns,files",
  "musl-libc": "musl libc / Alpine image",

  // Paths (mtr, traceroute).
  "path-loss-midway": "loss starts at an intermediate hop and persists to the destination",
  "path-loss-final-hop": "loss only at the destination hop",
  "path-loop": "the path repeats hops (routing loop)",
  "path-clean": "no loss on the path",
  "path-timeouts": "hops that never answer ('* * *') up to the end",

  // NIC, driver and softirq (ethtool -S, ip -s link, /proc/net/softnet_stat, /proc/interrupts).
  "nic-rx-drops": "NIC receive drops (rx_missed_errors, rx_no_buffer_count, rx_fifo_errors, RX dropped)",
  "nic-errors": "NIC errors (CRC, frame, rx_errors, tx_errors)",
  "link-no-carrier": "link has no carrier / state DOWN / 'Link detected: no'",
  "rx-queue-imbalance": "receive traffic concentrated on one or few NIC queues or CPUs",
  "softnet-drops": "softnet_stat dropped column > 0 (backlog full)",
  "softnet-squeeze": "softnet_stat time_squeeze column rising",
  "softirq-hot-cpu": "one CPU saturated in softirq (si / %soft)",
  "mtu-small": "an interface MTU below 1500 on a path that expects 1500",
  "mtu-overlay": "an overlay (vxlan, geneve, ipip, gre, tunnel) interface is involved",

  // Firewall and NAT rules (iptables -S, iptables -t nat -S, iptables-save).
  "nat-redirect-rule": "a nat REDIRECT or DNAT rule in OUTPUT/PREROUTING for ordinary traffic",
  "filter-drop-rule": "a filter DROP rule or DROP policy",
  "filter-reject-rule": "a filter REJECT rule",
  "masquerade-no-random-fully": "MASQUERADE/SNAT without --random-fully",

  // Packet captures (tcpdump text).
  "syn-no-synack": "SYNs are sent (and retransmitted) but never answered with a SYN-ACK",
  "syn-retransmit-same-port": "the same SYN (same source port) is retransmitted",
  "rst-to-syn": "a SYN is answered with RST",
  "rst-mid-stream": "an RST arrives on an established connection",
  "fin-then-request-rst": "the server sent FIN, a request followed on that connection and was answered with RST",
  "icmp-admin-prohibited": "ICMP administratively prohibited / host or net prohibited",
  "icmp-port-unreachable": "ICMP port unreachable",
  "icmp-host-unreachable": "ICMP host or net unreachable",
  "tcp-retransmission-seen": "retransmitted data segments in the capture",
  "dup-acks": "repeated duplicate ACKs for the same sequence",
  "no-wscale-in-syn": "SYN or SYN-ACK options carry no window scale (wscale)",
  "small-window": "advertised window stays at or below 64 KB",
  "dns-parallel-a-aaaa": "A and AAAA queries leave at the same time from the same source port",
  "dns-same-id-a-aaaa": "A and AAAA queries carry the same DNS id",
  "arp-no-reply": "ARP requests go unanswered",
  "two-macs-one-ip": "two MAC addresses answer for one IP",
  "overlay-no-reply": "encapsulated (vxlan udp/4789) packets leave and nothing comes back",

  // Proxy and LB logs (nginx, tengine, envoy).
  "upstream-no-live": "nginx: 'no live upstreams while connecting to upstream'",
  "upstream-refused": "nginx: connect() failed (111: Connection refused) while connecting to upstream",
  "upstream-timeout": "nginx: upstream timed out (110: Connection timed out)",
  "upstream-reset": "nginx: recv() failed (104: Connection reset by peer) / upstream prematurely closed connection",
  "upstream-old-ip": "the proxy still sends to IPs the name no longer resolves to",

  // Process and application (strace -c, thread dumps, logs).
  "futex-dominant": "strace -c shows futex (lock waits) dominating syscall time",
  "read-truncated": "reads are capped at the buffer size (a datagram larger than the buffer)",
  "goroutines-blocked": "many goroutines/threads blocked waiting for a pool or lock",
  "inet-hash-connect-hot": "perf shows inet_hash_connect / __inet_check_established / raw_spin_lock hot",
  "inet-lookup-listener-hot": "perf shows __inet_lookup_listener hot",
  "migration-thread-stall": "a migration/N kernel thread is implicated in a stall",

  // Ticket text (free text, English and Chinese).
  "text-timeout": "the ticket reports timeouts",
  "text-refused": "the ticket reports connection refused",
  "text-reset": "the ticket reports resets",
  "text-5xx": "the ticket reports 5xx / 502 / 504 errors",
  "text-slow": "the ticket reports slowness or low throughput",
  "text-dns": "the ticket is about name resolution",
  "text-intermittent": "the problem is intermittent / occasional",
  "text-some-clients": "only some clients, hosts or users are affected",
  "text-nat": "clients are behind NAT / SNAT / a shared egress IP / cross-VPC",
  "text-kubernetes": "Kubernetes / pods / services are involved",
  "text-container": "containers / Docker are involved",
  "text-load-balancer": "a load balancer (ELB/ALB/NLB/SLB/CLB) or reverse proxy is in the path",
  "text-carrier": "specific carriers, regions or countries are affected",
  "text-5s-delay": "delays of about 5 seconds (or 10)",
  "text-large-transfers": "small requests work, large ones hang (ping works, big queries stall)",
  "text-overlay": "vxlan / overlay / tunnel networking",
  "text-after-scaling": "started after scaling, a deploy or an IP change",
  "text-after-move": "started after a move, reboot or hardware change",
  "text-wrong-response": "the response comes from the wrong service / traffic goes to the wrong place",
  "text-high-load": "high CPU, softirq or load on the host",
  "text-burst": "failures come with bursts of new connections or load tests",
  "text-keepalive": "keep-alive / idle connections are mentioned",
  "text-tool-doubt": "one tool fails while another succeeds against the same target",
  "text-udp": "UDP traffic is involved",
  "text-conn-limit": "a connection count or connection limit is mentioned",
  "text-permission-denied": "permission denied / wrong file modes / umask",
  "text-env-missing": "commands or environment variables missing in scripts (command not found, PATH)",
  "text-scheduler-resources": "the scheduler reports insufficient resources / cpu-shares / placement failures",
  "text-log-flood": "logs flood the disk / exception logs grow without bound",
  "text-config-no-effect": "editing a config file has no effect / the service reads its config from elsewhere",
  "text-endpoint-missing": "a service alias / endpoint / registration disappeared after a failover, reschedule or rollback",
  "text-process-gone": "a process disappears or exits and the platform is blamed",
  "text-threads-pile-up": "threads, goroutines or requests pile up / a watchdog interrupts threads / pool exhausted",
  "text-retransmission": "retransmissions, duplicate ACKs or head-of-line blocking are reported",
  "text-kernel": "a kernel version, kernel bug or kernel upgrade is involved",
  "text-http-204": "an HTTP 204/304 response carries Content-Length or a body",
  "text-lock-contention": "lock contention / one socket shared by many workers / cannot saturate the CPU",
  "text-ipv6": "AAAA / IPv6 records are involved",
  "text-probe-fails": "liveness, readiness or health-check probes fail",
  "text-firewall": "a firewall, security group or ACL is in the path",
  "text-port-range": "ephemeral / local port range or source ports are discussed",
  "text-response-but-waits": "the response is on the wire, yet the client keeps waiting until its timeout",
  "text-stall-together": "several requests on one connection stall together and complete together",
  "text-window-limited": "throughput capped while the receive window is full / no window scaling",
  "text-direct-and-vip": "clients reach the backend both through the load balancer VIP and directly",
  "text-ip-conflict": "an IP conflict / duplicate IP is reported",
  "text-tw-recycle": "tcp_tw_recycle is named among the sysctls that were changed or tuned",
  "text-dns-cached": "the process caches resolved addresses (JVM/app DNS cache, resolved once at start)",
  "text-resolver-config": "resolv.conf was rewritten or lists nameservers nobody recognises or that do not answer",
  "text-fraction-fails": "a steady fraction of connections fails, or one of several addresses or nodes does",
  "text-single-stream-capped": "one stream's throughput is capped while parallel streams add up",
  "text-port-forward": "a port forward, DNAT or REDIRECT rule is mentioned",

  "text-kernel-version": "a kernel version is named (context, not a complaint about the kernel)",
  "spinlock-hot": "perf shows kernel spin-lock functions on top: CPUs wait on one shared lock",
  "text-dead-peers": "connections to peers that are long gone stay ESTABLISHED (no keepalive or heartbeat)",
  "text-rst-not-from-server": "a reset answers the client while the server never sees its SYN: something in between answers",
  "text-offload": "NIC offloads (TSO/GSO/GRO/LRO) or capture checksum errors are discussed",
  "text-endpoint-config": "a client's list of endpoints holds stale, test, empty or decommissioned entries",
  "capture-offload-artifact": "a capture shows segments larger than any frame or 'incorrect' checksums: offload seen from the host, not a fault",
  "cpu-throttled": "the container's CPU quota throttles it (cgroup nr_throttled / throttled_usec)",

  // Application and shell errors found in any pasted text.
  "app-pool-exhausted": "an application pool (database connections, workers, threads) is exhausted or its threads are blocked",
  "upstream-not-in-dns": "the proxy's upstream addresses are all missing from what DNS returns now",
  "http-framing-error": "an HTTP client reports broken framing (body shorter or longer than Content-Length, junk before a status line)",
  "command-not-found": "a script or cron job cannot find a command (PATH differs from a login shell)",

  // Combinations the engine derives from two observations.
  "reachable-but-port-silent": "the host answers ping but the service port (e.g. DNS on UDP 53) times out",
  "udp-fails-tcp-works": "the same query fails over UDP and succeeds over TCP",
} as const;

export type SignalId = keyof typeof SIGNALS;

export const SIGNAL_IDS = Object.keys(SIGNALS) as SignalId[];

export const isSignalId = (value: string): value is SignalId => Object.hasOwn(SIGNALS, value);

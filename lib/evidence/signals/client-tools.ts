import { rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** What client tools report (curl, nc, telnet, ping). */
export const CLIENT_TOOLS_SIGNALS = {
  "conn-refused": {
    meaning: { en: "connection refused (RST answer to the SYN)", zh: "连接被拒绝（SYN 收到 RST 响应）" },
    parsers: ["curl", "connect-tools", "app-errors"],
    text: { en: rx(String.raw`\bconnection refused\b`) },
    group: "connection-refused",
    weights: { "firewall-reject": 1.5, "lb-node-fault": 1.5, "ip-address-conflict": 1.2, "accept-queue-overflow": 0.5, "diagnostic-tool-artifact": 0.5, "firewall-drop": -2, "tcp-tw-recycle-nat-timestamps": -2, "syn-queue-overflow": -1.5, "isp-routing-loss": -1.5 },
  },
  "conn-timeout": {
    meaning: { en: "connect timed out (no answer to the SYN)", zh: "连接超时（SYN 无响应）" },
    parsers: ["curl", "connect-tools", "app-errors"],
    text: { en: rx(String.raw`\bconnect(?:ion)? timed out\b`) },
    group: "connect-timeout",
    weights: { "firewall-drop": 1.5, "tcp-tw-recycle-nat-timestamps": 1.2, "syn-queue-overflow": 1, "conntrack-table-full": 1, "conntrack-insert-race": 0.7, "lb-session-conflict": 1, "idle-connection-leak": 1, "isp-routing-loss": 1, "underlay-network-drop": 1, "nic-or-link-down": 0.7, "accept-queue-overflow": 0.7, "firewall-reject": -1.5 },
  },
  "conn-reset": {
    meaning: { en: "connection reset by peer during the exchange", zh: "交互过程中连接被对端重置（connection reset by peer）" },
    parsers: ["curl", "app-errors"],
    text: { en: rx(String.raw`\bconnection reset by peer\b`) },
    group: "connection-reset",
    weights: { "keepalive-timeout-mismatch": 1.5, "ip-address-conflict": 0.7, "close-wait-leak": 0.7, "firewall-reject": 0.5, "accept-queue-overflow": 0.5 },
  },
  "empty-reply": {
    meaning: { en: "curl: empty reply from server", zh: "curl 报服务端空响应（curl: empty reply from server）" },
    parsers: ["curl"],
    weights: { "keepalive-timeout-mismatch": 1, "app-thread-pool-exhaustion": 0.7, "close-wait-leak": 0.7 },
  },
  "no-route-to-host": {
    meaning: { en: "no route to host / host unreachable", zh: "无路由到达主机（no route to host / host unreachable）" },
    parsers: ["curl", "connect-tools", "proxy-log", "app-errors"],
    weights: { "firewall-reject": 2, "nic-or-link-down": 1, "ip-address-conflict": 0.5 },
  },
  "cannot-assign-address": {
    meaning: { en: "'Cannot assign requested address' (EADDRNOTAVAIL)", zh: "本地端口分配失败：'Cannot assign requested address'（EADDRNOTAVAIL）" },
    parsers: ["curl", "connect-tools", "proxy-log", "app-errors"],
    text: { en: rx(String.raw`\bcannot assign requested address\b`) },
    weights: { "time-wait-port-exhaustion": 3.5, "ephemeral-port-search-contention": 1 },
  },
  "connect-ok": {
    meaning: { en: "the tool connected successfully", zh: "工具连接成功" },
    parsers: ["curl", "connect-tools"],
    weights: { "firewall-drop": -1, "nic-or-link-down": -2, "underlay-network-drop": -1.5, "lb-node-fault": -0.5 },
  },
  "http-5xx": {
    meaning: { en: "an HTTP 5xx status", zh: "HTTP 返回 5xx 状态码" },
    parsers: ["curl", "proxy-log"],
    group: "http-5xx",
    weights: { "keepalive-timeout-mismatch": 0.7, "app-thread-pool-exhaustion": 0.7, "stale-dns-upstream": 0.7, "lb-node-fault": 0.5 },
  },
  "http-502": {
    meaning: { en: "HTTP 502 Bad Gateway", zh: "HTTP 502 网关错误（Bad Gateway）" },
    parsers: ["curl", "proxy-log"],
    group: "http-5xx",
    weights: { "keepalive-timeout-mismatch": 1.5, "stale-dns-upstream": 1, "lb-node-fault": 0.7, "close-wait-leak": 0.5 },
  },
  "http-504": {
    meaning: { en: "HTTP 504 Gateway Timeout", zh: "HTTP 504 网关超时（Gateway Timeout）" },
    parsers: ["curl", "proxy-log"],
    group: "http-5xx",
    weights: { "app-thread-pool-exhaustion": 1.5, "close-wait-leak": 1, "accept-queue-overflow": 0.5 },
  },
  "http-204-with-length": {
    meaning: { en: "HTTP 204/304 response carrying Content-Length or a body", zh: "HTTP 204/304 响应带有 Content-Length 或响应体" },
    parsers: ["curl", "app-errors"],
    group: "body-on-204",
    weights: { "http-framing-violation": 4 },
  },
  "slow-first-byte": {
    meaning: { en: "time to first byte is long while connect was fast", zh: "建连很快，但首字节时间（TTFB）很长" },
    parsers: ["curl"],
    weights: { "http-framing-violation": 1, "app-thread-pool-exhaustion": 1.5, "tcp-retransmission-hol-blocking": 0.7 },
  },
  "slow-connect": {
    meaning: { en: "TCP connect took seconds (SYN retransmitted)", zh: "TCP 建连耗时数秒（SYN 发生重传）" },
    parsers: ["curl"],
    weights: { "tcp-tw-recycle-nat-timestamps": 1, "syn-queue-overflow": 1, "conntrack-insert-race": 1, "isp-routing-loss": 0.7, "lb-session-conflict": 0.7 },
  },
  "slow-name-lookup": {
    meaning: { en: "name lookup took about 5 s (or 10 s)", zh: "域名解析耗时约 5 秒（或 10 秒）" },
    parsers: ["curl"],
    group: "five-second-lookup",
    weights: { "conntrack-insert-race": 2, "dns-query-id-collision": 1.5, "nsswitch-lookup-order": 1, "dns-resolution-failure": 0.7 },
  },
  "resolve-failed": {
    meaning: { en: "host name could not be resolved", zh: "主机名无法解析" },
    parsers: ["curl", "dns-tools", "app-errors"],
    weights: { "dns-resolution-failure": 2, "firewall-drop": 0.5, "dns-query-id-collision": 0.7, "orchestrator-endpoint-deletion": 0.7 },
  },
  "ping-ok": {
    meaning: { en: "ping gets replies", zh: "ping 有回包" },
    parsers: ["connect-tools"],
    text: { en: rx(String.raw`\b(?:can|could) (?:still )?ping\b|\banswers? (?:to )?pings?\b|\bpings?\b[^.,;]{0,40}?\b(?:works?|worked|succeeds?|succeeded|is fine|is ok|is normal|goes through|gets replies)\b`), zh: rx(String.raw`能\s?ping\s?通|可以\s?ping\s?通|ping\s?(?:能|可以)?通`) },
    weights: { "nic-or-link-down": -2, "ip-address-conflict": -0.5, "mtu-mismatch": 0.3, "underlay-network-drop": 0.3 },
  },
  "ping-large-fails": {
    meaning: { en: "ping with a large payload / DF set fails while small pings pass", zh: "小包 ping 正常，大包 / 设置 DF 的 ping 失败" },
    parsers: ["connect-tools"],
    weights: { "mtu-mismatch": 3.5 },
  },
  "frag-needed": {
    meaning: { en: "ICMP fragmentation needed / 'Message too long' / 'Frag needed and DF set'", zh: "ICMP 需要分片 / 'Message too long' / 'Frag needed and DF set'" },
    parsers: ["connect-tools", "tcpdump"],
    weights: { "mtu-mismatch": 3 },
  },
} as const satisfies SignalDefinitions;

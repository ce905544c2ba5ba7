import { rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** Packet captures (tcpdump text). */
export const CAPTURES_SIGNALS = {
  "syn-no-synack": {
    meaning: { en: "SYNs are sent (and retransmitted) but never answered with a SYN-ACK", zh: "SYN 已发出（且有重传），但始终收不到 SYN-ACK" },
    parsers: ["tcpdump"],
    weights: { "tcp-tw-recycle-nat-timestamps": 1.5, "firewall-drop": 1.5, "syn-queue-overflow": 1.2, "conntrack-insert-race": 1.2, "conntrack-table-full": 1, "lb-session-conflict": 1.2, "idle-connection-leak": 1, "underlay-network-drop": 1, "accept-queue-overflow": 0.7, "firewall-reject": -2, "lb-node-fault": 0.3 },
  },
  "syn-retransmit-same-port": {
    meaning: { en: "the same SYN (same source port) is retransmitted", zh: "同一个 SYN（相同源端口）被重传" },
    parsers: ["tcpdump"],
    weights: { "tcp-tw-recycle-nat-timestamps": 1, "conntrack-insert-race": 0.7, "syn-queue-overflow": 0.7, "firewall-drop": 0.7, "lb-session-conflict": 0.7 },
  },
  "rst-to-syn": {
    meaning: { en: "a SYN is answered with RST", zh: "SYN 收到 RST 响应" },
    parsers: ["tcpdump"],
    weights: { "firewall-reject": 1.5, "ip-address-conflict": 1.5, "lb-node-fault": 1, "accept-queue-overflow": 0.5, "firewall-drop": -2, "tcp-tw-recycle-nat-timestamps": -2 },
  },
  "rst-mid-stream": {
    meaning: { en: "an RST arrives on an established connection", zh: "已建立的连接上收到 RST" },
    parsers: ["tcpdump"],
    weights: { "keepalive-timeout-mismatch": 1.5, "lb-session-conflict": 0.7, "close-wait-leak": 0.5 },
  },
  "fin-then-request-rst": {
    meaning: { en: "the server sent FIN, a request followed on that connection and was answered with RST", zh: "服务端已发送 FIN，随后该连接上又发出请求，被回以 RST" },
    parsers: ["tcpdump"],
    weights: { "keepalive-timeout-mismatch": 4 },
  },
  "icmp-admin-prohibited": {
    meaning: { en: "ICMP administratively prohibited / host or net prohibited", zh: "收到 ICMP 管理性禁止（administratively prohibited / host or net prohibited）" },
    parsers: ["connect-tools", "path-trace", "tcpdump"],
    weights: { "firewall-reject": 3.5 },
  },
  "icmp-port-unreachable": {
    meaning: { en: "ICMP port unreachable", zh: "ICMP 端口不可达" },
    parsers: ["tcpdump"],
    weights: { "firewall-reject": 1, "lb-node-fault": 0.5 },
  },
  "icmp-host-unreachable": {
    meaning: { en: "ICMP host or net unreachable", zh: "ICMP 主机或网络不可达" },
    parsers: ["path-trace", "tcpdump"],
    weights: { "firewall-reject": 1.2, "nic-or-link-down": 1, "isp-routing-loss": 0.5 },
  },
  "tcp-retransmission-seen": {
    meaning: { en: "retransmitted data segments in the capture", zh: "抓包中出现数据段重传" },
    parsers: ["tcpdump"],
    group: "retransmissions",
    weights: { "tcp-retransmission-hol-blocking": 2, "mtu-mismatch": 1.2, "isp-routing-loss": 1, "underlay-network-drop": 0.7, "kernel-bug": 0.5 },
  },
  "dup-acks": {
    meaning: { en: "repeated duplicate ACKs for the same sequence", zh: "针对同一序列号反复出现重复 ACK" },
    parsers: ["tcpdump"],
    weights: { "tcp-retransmission-hol-blocking": 1.5, "kernel-bug": 1, "isp-routing-loss": 0.7 },
  },
  "no-wscale-in-syn": {
    meaning: { en: "SYN or SYN-ACK options carry no window scale (wscale)", zh: "SYN 或 SYN-ACK 选项中未携带窗口扩大因子（wscale）" },
    parsers: ["tcpdump"],
    weights: { "tcp-window-scaling-missing": 3.5 },
  },
  "small-window": {
    meaning: { en: "advertised window stays at or below 64 KB", zh: "通告窗口一直不超过 64 KB" },
    parsers: ["tcpdump"],
    weights: { "tcp-window-scaling-missing": 2 },
  },
  "dns-parallel-a-aaaa": {
    meaning: { en: "A and AAAA queries leave at the same time from the same source port", zh: "A 和 AAAA 查询从同一源端口同时发出" },
    parsers: ["tcpdump"],
    weights: { "conntrack-insert-race": 1.5, "dns-query-id-collision": 1 },
  },
  "dns-same-id-a-aaaa": {
    meaning: { en: "A and AAAA queries carry the same DNS id", zh: "A 和 AAAA 查询使用相同的 DNS id" },
    parsers: ["tcpdump"],
    weights: { "dns-query-id-collision": 3.5 },
  },
  "arp-no-reply": {
    meaning: { en: "ARP requests go unanswered", zh: "ARP 请求无应答" },
    parsers: ["tcpdump"],
    weights: { "nic-or-link-down": 2, "underlay-network-drop": 1, "ip-address-conflict": 0.5 },
  },
  "two-macs-one-ip": {
    meaning: { en: "two MAC addresses answer for one IP", zh: "同一 IP 有两个 MAC 地址应答" },
    parsers: ["connect-tools", "tcpdump"],
    text: {
    en: rx(String.raw`\btwo (?:different )?MACs?(?: addresses)?\b[^.]{0,40}?\b(?:one|the same|a single) IP\b|\b(?:one|the same) IP\b[^.]{0,40}?\btwo (?:different )?MACs?\b`),
      zh: rx("(?:同一个?|一个)\\s?IP[^。，]{0,10}(?:两个|2个|多个)\\s?MAC"),
    },
    group: "duplicate-ip",
    weights: { "ip-address-conflict": 4 },
  },
  "overlay-no-reply": {
    meaning: { en: "encapsulated (vxlan udp/4789) packets leave and nothing comes back", zh: "封装报文（vxlan udp/4789）已发出但无任何回包" },
    parsers: ["tcpdump"],
    weights: { "underlay-network-drop": 3, "firewall-drop": 0.7 },
  },
} as const satisfies SignalDefinitions;

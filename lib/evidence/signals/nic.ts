import { rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** NIC, driver and softirq (ethtool -S, ip -s link, softnet_stat, /proc/interrupts). */
export const NIC_SIGNALS = {
  "nic-rx-drops": {
    meaning: { en: "NIC receive drops (rx_missed_errors, rx_no_buffer_count, rx_fifo_errors, RX dropped)", zh: "网卡收包丢弃（rx_missed_errors、rx_no_buffer_count、rx_fifo_errors、RX dropped）" },
    parsers: ["nic-stats"],
    text: { en: rx(String.raw`\bNodeNetworkReceiveDrops\b|\bdropping received packets\b|\breceive[_ ]drop(?:s|_total)\b|\brx[_ ]drop(?:s|ped)\b`), zh: rx("网卡(?:接收)?丢包|rx\\s?丢包") },
    weights: { "softirq-cpu-imbalance": 1.5, "nic-or-link-down": 1 },
  },
  "nic-errors": {
    meaning: { en: "NIC errors (CRC, frame, rx_errors, tx_errors)", zh: "网卡错误（CRC、frame、rx_errors、tx_errors）" },
    parsers: ["nic-stats"],
    weights: { "nic-or-link-down": 2 },
  },
  "link-no-carrier": {
    meaning: { en: "link has no carrier / state DOWN / 'Link detected: no'", zh: "链路无载波 / state DOWN / 'Link detected: no'" },
    parsers: ["nic-stats"],
    group: "link-down",
    weights: { "nic-or-link-down": 4 },
  },
  "rx-queue-imbalance": {
    meaning: { en: "receive traffic concentrated on one or few NIC queues or CPUs", zh: "收包流量集中在网卡的一个或少数几个队列或 CPU 上" },
    parsers: ["nic-stats", "softnet"],
    text: { en: rx(String.raw`\birqbalance\b[^.]{0,20}?\b(?:masked|off|disabled|stopped|not running|inactive)\b|\b(?:all|most) (?:the )?(?:interrupts|IRQs)\b[^.]{0,30}?\b(?:one|a single|the same) (?:CPU|core)\b`), zh: rx(String.raw`irqbalance[^。]{0,10}(?:关|停|禁用|没开)|中断(?:都|全)在[^。]{0,6}(?:一个|同一个?)\s?(?:核|CPU)`) },
    weights: { "softirq-cpu-imbalance": 2.5 },
  },
  "softnet-drops": {
    meaning: { en: "softnet_stat dropped column > 0 (backlog full)", zh: "softnet_stat 的 dropped 列 > 0（backlog 已满）" },
    parsers: ["softnet"],
    weights: { "softirq-cpu-imbalance": 2 },
  },
  "softnet-squeeze": {
    meaning: { en: "softnet_stat time_squeeze column rising", zh: "softnet_stat 的 time_squeeze 列持续上涨" },
    parsers: ["softnet"],
    text: { en: rx(String.raw`\btime_squeeze\b`) },
    weights: { "softirq-cpu-imbalance": 1.5 },
  },
  "softirq-hot-cpu": {
    meaning: { en: "one CPU saturated in softirq (si / %soft)", zh: "单个 CPU 被软中断打满（si / %soft）" },
    parsers: ["softnet"],
    text: {
    en: rx(String.raw`\bksoftirqd/\d+\b[^.]{0,40}?\b(?:100 ?%|pegged|saturated|maxed)|\b(?:one|a single|two|2) (?:CPU|core)s?\b[^.]{0,40}?\b(?:100 ?%|pegged|saturated|maxed)\b[^.]{0,60}?\b(?:others?|rest)\b[^.]{0,30}?\bidle\b`),
      zh: rx(String.raw`ksoftirqd/?\d*[^。]{0,24}100\s?%|(?:一个|单个|两个|个别)\s?(?:CPU|核)[^。]{0,20}(?:100\s?%|打满|跑满)`),
    },
    weights: { "softirq-cpu-imbalance": 3, "kernel-bug": 0.5 },
  },
  "mtu-small": {
    meaning: { en: "an interface MTU below 1500 on a path that expects 1500", zh: "路径预期 MTU 为 1500，但某接口 MTU 小于 1500" },
    parsers: ["nic-stats"],
    weights: { "mtu-mismatch": 2.5 },
  },
  "mtu-overlay": {
    meaning: { en: "an overlay (vxlan, geneve, ipip, gre, tunnel) interface is involved", zh: "涉及 overlay（vxlan、geneve、ipip、gre、隧道）接口" },
    parsers: ["nic-stats"],
    weights: { "mtu-mismatch": 1, "underlay-network-drop": 1 },
  },
} as const satisfies SignalDefinitions;

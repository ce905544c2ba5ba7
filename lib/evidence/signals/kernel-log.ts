import { rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** Kernel log lines (dmesg, journalctl -k). */
export const KERNEL_LOG_SIGNALS = {
  "syn-flood-log": {
    meaning: { en: "kernel: 'Possible SYN flooding on port ...'", zh: "内核日志：'Possible SYN flooding on port ...'" },
    parsers: ["kernel-log"],
    text: { en: rx(String.raw`\bPossible SYN flooding\b|\bSYN flood(?:s|ing)?\b`), zh: rx("SYN\\s?(?:泛洪|洪水|攻击)") },
    group: "syn-queue-overflowed",
    weights: { "syn-queue-overflow": 3 },
  },
  "drop-open-request-log": {
    meaning: { en: "kernel: 'TCP: drop open request from ...'", zh: "内核日志：'TCP: drop open request from ...'" },
    parsers: ["kernel-log"],
    group: "syn-queue-overflowed",
    weights: { "syn-queue-overflow": 2.5 },
  },
  "netdev-watchdog-log": {
    meaning: { en: "kernel: 'NETDEV WATCHDOG: ... transmit queue N timed out'", zh: "内核日志：'NETDEV WATCHDOG: ... transmit queue N timed out'" },
    parsers: ["kernel-log"],
    weights: { "nic-or-link-down": 2.5, "kernel-bug": 1.5 },
  },
  "kernel-bug-log": {
    meaning: { en: "kernel: BUG / soft lockup / hung task / WARNING with a call trace", zh: "内核日志：带 call trace 的 BUG / soft lockup / hung task / WARNING" },
    parsers: ["kernel-log"],
    weights: { "kernel-bug": 2.5 },
  },
  "link-down-log": {
    meaning: { en: "kernel: NIC link down / carrier lost", zh: "内核日志：网卡 link down / carrier 丢失" },
    parsers: ["kernel-log"],
    group: "link-down",
    weights: { "nic-or-link-down": 3 },
  },
  "neighbour-overflow-log": {
    meaning: { en: "kernel: 'neighbour table overflow'", zh: "内核日志：'neighbour table overflow'" },
    parsers: ["kernel-log"],
    weights: { "host-environment-misconfig": 1, "container-scheduler-misconfig": 0.5 },
  },
  "duplicate-address-log": {
    meaning: { en: "a duplicate address was detected (kernel, arping, switch table)", zh: "检测到地址冲突（内核日志、arping、交换机表项）" },
    parsers: ["kernel-log", "connect-tools"],
    group: "duplicate-ip",
    weights: { "ip-address-conflict": 3.5 },
  },
} as const satisfies SignalDefinitions;

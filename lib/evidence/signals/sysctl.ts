import { OFF, findSetting, findTwRecycleOn } from "../prose";
import type { SignalDefinitions } from "./define";

/** Kernel settings (sysctl). */
export const SYSCTL_SIGNALS = {
  "tw-recycle-on": {
    meaning: { en: "net.ipv4.tcp_tw_recycle = 1", zh: "已开启 tcp_tw_recycle（net.ipv4.tcp_tw_recycle = 1）" },
    parsers: ["sysctl"],
    text: { find: findTwRecycleOn },
    group: "tw-recycle-enabled",
    weights: { "tcp-tw-recycle-nat-timestamps": 2 },
  },
  "tw-recycle-off": {
    meaning: { en: "net.ipv4.tcp_tw_recycle = 0", zh: "已关闭 tcp_tw_recycle（net.ipv4.tcp_tw_recycle = 0）" },
    parsers: ["sysctl"],
    weights: { "tcp-tw-recycle-nat-timestamps": -4 },
  },
  "timestamps-on": {
    meaning: { en: "net.ipv4.tcp_timestamps = 1", zh: "已开启 TCP 时间戳（net.ipv4.tcp_timestamps = 1）" },
    parsers: ["sysctl"],
    weights: { "tcp-tw-recycle-nat-timestamps": 0.3 },
  },
  "syncookies-off": {
    meaning: { en: "net.ipv4.tcp_syncookies = 0", zh: "已关闭 SYN cookies（net.ipv4.tcp_syncookies = 0）" },
    parsers: ["sysctl"],
    text: { find: (sentence) => findSetting(sentence, /\btcp_syncookies\b/i, OFF) },
    weights: { "syn-queue-overflow": 1 },
  },
  "syncookies-on": {
    meaning: { en: "net.ipv4.tcp_syncookies = 1", zh: "已开启 SYN cookies（net.ipv4.tcp_syncookies = 1）" },
    parsers: ["sysctl"],
    weights: { "syn-queue-overflow": -0.7 },
  },
  "somaxconn-low": {
    meaning: { en: "net.core.somaxconn is 128 or less", zh: "net.core.somaxconn 不超过 128" },
    parsers: ["sysctl"],
    group: "backlog-small",
    weights: { "accept-queue-overflow": 1 },
  },
  "syn-backlog-low": {
    meaning: { en: "net.ipv4.tcp_max_syn_backlog is 1024 or less", zh: "net.ipv4.tcp_max_syn_backlog 不超过 1024" },
    parsers: ["sysctl"],
    weights: { "syn-queue-overflow": 1 },
  },
  "port-range-narrow": {
    meaning: { en: "net.ipv4.ip_local_port_range spans fewer than 30000 ports", zh: "net.ipv4.ip_local_port_range 范围不足 30000 个端口" },
    parsers: ["sysctl"],
    weights: { "time-wait-port-exhaustion": 1.2, "ephemeral-port-search-contention": 1 },
  },
  "rmem-default-extreme": {
    meaning: { en: "net.core.rmem_default or rmem_max is set to an extreme value (>= 1 GiB)", zh: "net.core.rmem_default 或 rmem_max 设置为极端值（>= 1 GiB）" },
    parsers: ["sysctl"],
    weights: { "udp-receive-buffer-overflow": 3 },
  },
  "udp-buffer-small": {
    meaning: { en: "net.core.rmem_default / rmem_max at or below 256 KiB on a UDP-heavy host", zh: "UDP 流量大的主机上 net.core.rmem_default / rmem_max 不超过 256 KiB" },
    parsers: ["sysctl"],
    weights: { "udp-receive-buffer-overflow": 1 },
  },
  "conntrack-max-low": {
    meaning: { en: "net.netfilter.nf_conntrack_max is 65536 or less", zh: "net.netfilter.nf_conntrack_max 不超过 65536" },
    parsers: ["sysctl"],
    weights: { "conntrack-table-full": 1 },
  },
  "window-scaling-off": {
    meaning: { en: "net.ipv4.tcp_window_scaling = 0", zh: "已关闭窗口扩大选项（net.ipv4.tcp_window_scaling = 0）" },
    parsers: ["sysctl"],
    text: { find: (sentence) => findSetting(sentence, /\btcp_window_scaling\b/i, OFF) },
    weights: { "tcp-window-scaling-missing": 3 },
  },
  "abort-on-overflow-on": {
    meaning: { en: "net.ipv4.tcp_abort_on_overflow = 1", zh: "全连接队列溢出时直接回 RST（net.ipv4.tcp_abort_on_overflow = 1）" },
    parsers: ["sysctl"],
    weights: { "accept-queue-overflow": 1 },
  },
} as const satisfies SignalDefinitions;

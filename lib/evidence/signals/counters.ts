import { rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** Kernel TCP/UDP counters (netstat -s, nstat): the counter is above zero, or rose between snapshots. */
export const COUNTERS_SIGNALS = {
  "listen-overflows": {
    meaning: { en: "accept queue overflowed (TcpExtListenOverflows / 'times the listen queue of a socket overflowed')", zh: "全连接队列溢出（TcpExtListenOverflows / 'times the listen queue of a socket overflowed'）" },
    parsers: ["netstat-s"],
    text: { en: rx(String.raw`\b(?:TcpExt)?ListenOverflows\b|\btimes the listen queue of a socket overflowed\b|\baccept queue (?:overflow(?:s|ed|ing)?|(?:is |was )?full)\b`), zh: rx("全连接队列(?:溢出|满|打满)|accept\\s?队列(?:溢出|满)") },
    group: "accept-queue-overflowed",
    weights: { "accept-queue-overflow": 3, "app-thread-pool-exhaustion": 1, "syn-queue-overflow": 0.7, "tcp-tw-recycle-nat-timestamps": -1 },
  },
  "listen-drops": {
    meaning: { en: "SYNs to LISTEN sockets dropped (TcpExtListenDrops)", zh: "发往 LISTEN socket 的 SYN 被丢弃（TcpExtListenDrops）" },
    parsers: ["netstat-s"],
    text: { en: rx(String.raw`\b(?:TcpExt)?ListenDrops\b|\bSYNs to LISTEN sockets dropped\b`) },
    weights: { "accept-queue-overflow": 1.5, "syn-queue-overflow": 1.5, "tcp-tw-recycle-nat-timestamps": 1.5 },
  },
  "paws-passive-rejected": {
    meaning: { en: "SYNs rejected by the PAWS timestamp check (TcpExtPAWSPassive / 'passive connections rejected because of time stamp')", zh: "SYN 未通过 PAWS 时间戳检查被拒绝（TcpExtPAWSPassive / 'passive connections rejected because of time stamp'）" },
    parsers: ["netstat-s"],
    text: { en: rx(String.raw`\b(?:TcpExt)?PAWSPassive\b|\brejected because of time ?stamps?\b`) },
    weights: { "tcp-tw-recycle-nat-timestamps": 3.5 },
  },
  "paws-rejects-track-listen-drops": {
    meaning: { en: "PAWS rejects account for almost all listen drops", zh: "listen drops 几乎全部由 PAWS 拒绝造成" },
    parsers: ["netstat-s"],
    weights: { "tcp-tw-recycle-nat-timestamps": 3, "accept-queue-overflow": -2, "syn-queue-overflow": -2 },
  },
  "syncookies-sent": {
    meaning: { en: "SYN cookies sent (TcpExtSyncookiesSent)", zh: "发送了 SYN cookie（TcpExtSyncookiesSent）" },
    parsers: ["netstat-s"],
    group: "syn-queue-overflowed",
    weights: { "syn-queue-overflow": 2.5 },
  },
  "syn-queue-drops": {
    meaning: { en: "SYN (half-open) queue drops (TcpExtTCPReqQFullDrop / TCPReqQFullDoCookies)", zh: "SYN（半连接）队列丢弃（TcpExtTCPReqQFullDrop / TCPReqQFullDoCookies）" },
    parsers: ["netstat-s"],
    group: "syn-queue-overflowed",
    weights: { "syn-queue-overflow": 3 },
  },
  "tcp-retransmits": {
    meaning: { en: "TCP segments retransmitted at a notable rate (TcpRetransSegs, 'segments retransmitted', fast retransmits)", zh: "TCP 重传率明显偏高（TcpRetransSegs、'segments retransmitted'、快速重传）" },
    parsers: ["netstat-s"],
    group: "retransmissions",
    weights: { "tcp-retransmission-hol-blocking": 1.5, "mtu-mismatch": 1, "isp-routing-loss": 1, "underlay-network-drop": 0.7, "kernel-bug": 0.5, "nic-or-link-down": 0.5 },
  },
  "tcp-timeouts": {
    meaning: { en: "TCP retransmission timeouts (TcpExtTCPTimeouts)", zh: "TCP 重传超时（TcpExtTCPTimeouts）" },
    parsers: ["netstat-s"],
    weights: { "tcp-retransmission-hol-blocking": 1, "isp-routing-loss": 0.7, "mtu-mismatch": 0.7 },
  },
  "udp-rcvbuf-errors": {
    meaning: { en: "UDP receive buffer errors (UdpRcvbufErrors / 'receive buffer errors')", zh: "UDP 接收缓冲区错误（UdpRcvbufErrors / 'receive buffer errors'）" },
    parsers: ["netstat-s", "app-errors"],
    group: "udp-receive-errors",
    weights: { "udp-receive-buffer-overflow": 3 },
  },
  "udp-in-errors": {
    meaning: { en: "UDP packet receive errors (UdpInErrors)", zh: "UDP 收包错误（UdpInErrors）" },
    parsers: ["netstat-s"],
    group: "udp-receive-errors",
    weights: { "udp-receive-buffer-overflow": 1.5 },
  },
  "tw-bucket-overflow": {
    meaning: { en: "TIME_WAIT bucket table overflow (TcpExtTCPTimeWaitOverflow or the kernel message)", zh: "TIME_WAIT bucket 表溢出（TcpExtTCPTimeWaitOverflow 或对应内核日志）" },
    parsers: ["netstat-s", "kernel-log"],
    weights: { "time-wait-port-exhaustion": 2.5 },
  },
  "tcp-wqueue-too-big": {
    meaning: { en: "TcpExtTCPWqueueTooBig rising (SACK-fix regression)", zh: "TcpExtTCPWqueueTooBig 持续上涨（SACK 修复补丁引入的回归）" },
    parsers: ["netstat-s"],
    weights: { "kernel-bug": 3 },
  },
  "tcp-memory-pressure": {
    meaning: { en: "TCP memory pressure or orphan overflow ('Out of socket memory', 'too many orphaned sockets')", zh: "TCP 内存压力或孤儿 socket 溢出（'Out of socket memory'、'too many orphaned sockets'）" },
    parsers: ["kernel-log"],
    weights: { "kernel-bug": 0.7, "close-wait-leak": 0.7, "idle-connection-leak": 0.7 },
  },
} as const satisfies SignalDefinitions;

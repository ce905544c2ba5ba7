import { rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** Processes and applications (strace -c, perf, thread dumps, logs). */
export const PROCESS_SIGNALS = {
  "futex-dominant": {
    meaning: { en: "strace -c shows futex (lock waits) dominating syscall time", zh: "strace -c 显示 futex（锁等待）占据了大部分系统调用时间" },
    parsers: ["strace-perf"],
    weights: { "shared-socket-lock-contention": 3 },
  },
  "read-truncated": {
    meaning: { en: "reads are capped at the buffer size (a datagram larger than the buffer)", zh: "读取长度被限制在缓冲区大小（数据报大于缓冲区）" },
    parsers: ["strace-perf"],
    weights: { "udp-receive-buffer-overflow": 0.7 },
  },
  "goroutines-blocked": {
    meaning: { en: "many goroutines/threads blocked waiting for a pool or lock", zh: "大量 goroutine/线程阻塞在等待连接池或锁上" },
    parsers: ["strace-perf"],
    weights: { "app-thread-pool-exhaustion": 2.5, "close-wait-leak": 1.5 },
  },
  "inet-hash-connect-hot": {
    meaning: { en: "perf shows inet_hash_connect / __inet_check_established / raw_spin_lock hot", zh: "perf 显示 inet_hash_connect / __inet_check_established / raw_spin_lock 为热点" },
    parsers: ["strace-perf"],
    text: { en: rx(String.raw`\binet_hash_connect\b|\b__inet_check_established\b`) },
    weights: { "ephemeral-port-search-contention": 3.5 },
  },
  "inet-lookup-listener-hot": {
    meaning: { en: "perf shows __inet_lookup_listener hot", zh: "perf 显示 __inet_lookup_listener 为热点" },
    parsers: ["strace-perf"],
    text: { en: rx(String.raw`\b__inet_lookup_listener\b`) },
    weights: { "softirq-cpu-imbalance": 2.5 },
  },
  "migration-thread-stall": {
    meaning: { en: "a migration/N kernel thread is implicated in a stall", zh: "migration/N 内核线程与卡顿（stall）有关" },
    parsers: ["kernel-log"],
    weights: { "kernel-bug": 3 },
  },
} as const satisfies SignalDefinitions;

import type { SignalDefinitions } from "./define";

/** Network paths (mtr, traceroute). */
export const PATHS_SIGNALS = {
  "path-loss-midway": {
    meaning: { en: "loss starts at an intermediate hop and persists to the destination", zh: "丢包从中间某一跳开始并一直持续到目的端" },
    parsers: ["path-trace"],
    weights: { "isp-routing-loss": 3, "underlay-network-drop": 0.7 },
  },
  "path-loss-final-hop": {
    meaning: { en: "loss only at the destination hop", zh: "仅目的端这一跳有丢包" },
    parsers: ["path-trace"],
    weights: { "firewall-drop": 1, "nic-or-link-down": 0.7, "softirq-cpu-imbalance": 0.5 },
  },
  "path-loop": {
    meaning: { en: "the path repeats hops (routing loop)", zh: "路径中出现重复跳（路由环路）" },
    parsers: ["path-trace"],
    weights: { "isp-routing-loss": 3.5 },
  },
  "path-clean": {
    meaning: { en: "no loss on the path", zh: "路径上无丢包" },
    parsers: ["path-trace"],
    weights: { "isp-routing-loss": -2 },
  },
  "path-timeouts": {
    meaning: { en: "hops that never answer ('* * *') up to the end", zh: "从某跳起直到末尾均无响应（'* * *'）" },
    parsers: ["path-trace"],
    weights: { "firewall-drop": 1.2, "isp-routing-loss": 0.7 },
  },
} as const satisfies SignalDefinitions;

import { findConntrackPinned, rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** Connection tracking (conntrack -S, /proc/sys/net/netfilter). */
export const CONNTRACK_SIGNALS = {
  "conntrack-insert-failed": {
    meaning: { en: "conntrack insert_failed > 0 (or rising)", zh: "conntrack insert_failed > 0（或持续上涨）" },
    parsers: ["conntrack-stats"],
    text: { en: rx(String.raw`\binsert_failed\b`) },
    weights: { "conntrack-insert-race": 3.5, "conntrack-table-full": 0.5 },
  },
  "conntrack-drop": {
    meaning: { en: "conntrack drop / early_drop > 0 (or rising)", zh: "conntrack drop / early_drop > 0（或持续上涨）" },
    parsers: ["conntrack-stats"],
    weights: { "conntrack-table-full": 2, "conntrack-insert-race": 1.5 },
  },
  "conntrack-table-full-log": {
    meaning: { en: "kernel: 'nf_conntrack: table full, dropping packet'", zh: "内核日志：'nf_conntrack: table full, dropping packet'" },
    parsers: ["kernel-log"],
    text: { en: rx(String.raw`\bnf_conntrack: table full\b|\bconntrack table (?:is |was )?full\b`), zh: rx("conntrack\\s?表(?:已)?满|连接跟踪表(?:已)?满") },
    group: "conntrack-table-full",
    weights: { "conntrack-table-full": 4 },
  },
  "conntrack-near-max": {
    meaning: { en: "nf_conntrack_count is at least 90% of nf_conntrack_max", zh: "nf_conntrack_count 已达 nf_conntrack_max 的 90% 以上" },
    parsers: ["conntrack-stats"],
    text: { find: findConntrackPinned },
    weights: { "conntrack-table-full": 2.5 },
  },
} as const satisfies SignalDefinitions;

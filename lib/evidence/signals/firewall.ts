import type { SignalDefinitions } from "./define";

/** Firewall and NAT rules (iptables -S, iptables -t nat -S, iptables-save). */
export const FIREWALL_SIGNALS = {
  "nat-redirect-rule": {
    meaning: { en: "a nat REDIRECT or DNAT rule in OUTPUT/PREROUTING for ordinary traffic", zh: "OUTPUT/PREROUTING 中存在作用于普通流量的 nat REDIRECT 或 DNAT 规则" },
    parsers: ["iptables"],
    weights: { "iptables-redirect-hijack": 3 },
  },
  "filter-drop-rule": {
    meaning: { en: "a filter DROP rule or DROP policy", zh: "存在 filter DROP 规则或 DROP 默认策略" },
    parsers: ["iptables"],
    weights: { "firewall-drop": 1.5 },
  },
  "filter-reject-rule": {
    meaning: { en: "a filter REJECT rule", zh: "存在 filter REJECT 规则" },
    parsers: ["iptables"],
    weights: { "firewall-reject": 2 },
  },
  "masquerade-no-random-fully": {
    meaning: { en: "MASQUERADE/SNAT without --random-fully", zh: "MASQUERADE/SNAT 未加 --random-fully" },
    parsers: ["iptables"],
    weights: { "conntrack-insert-race": 0.7 },
  },
} as const satisfies SignalDefinitions;

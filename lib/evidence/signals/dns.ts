import { findDnsDelay, rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** DNS tools (dig, nslookup) and resolver behaviour. */
export const DNS_SIGNALS = {
  "dns-timeout": {
    meaning: { en: "DNS query timed out (';; connection timed out; no servers could be reached', 'request timed out')", zh: "DNS 查询超时（';; connection timed out; no servers could be reached'、'request timed out'）" },
    parsers: ["dns-tools"],
    text: { en: rx(String.raw`\b(?:nslookup|dig)\b[^.]{0,60}?\b(?:request )?tim(?:e|ed|es) ?out\b`), zh: rx("nslookup\\s?(?:解析)?(?:超时|请求超时)") },
    weights: { "dns-resolution-failure": 1.5, "firewall-drop": 1.2, "udp-receive-buffer-overflow": 1, "conntrack-insert-race": 0.7 },
  },
  "dns-servfail": {
    meaning: { en: "DNS SERVFAIL / REFUSED", zh: "DNS 返回 SERVFAIL / REFUSED" },
    parsers: ["dns-tools"],
    weights: { "dns-resolution-failure": 2 },
  },
  "dns-nxdomain": {
    meaning: { en: "DNS NXDOMAIN", zh: "DNS 返回 NXDOMAIN" },
    parsers: ["dns-tools"],
    weights: { "dns-resolution-failure": 1, "orchestrator-endpoint-deletion": 1, "dns-query-id-collision": 0.5 },
  },
  "dns-slow-5s": {
    meaning: { en: "DNS query time around 5000 ms", zh: "DNS 查询耗时约 5000 ms" },
    parsers: ["dns-tools"],
    text: { find: findDnsDelay },
    group: "five-second-lookup",
    weights: { "conntrack-insert-race": 2.5, "dns-query-id-collision": 1.5, "nsswitch-lookup-order": 1, "dns-resolution-failure": 1 },
  },
  "dns-loopback-server": {
    meaning: { en: "resolver is 127.0.0.1 / a loopback address", zh: "解析服务器为 127.0.0.1 / 回环地址" },
    parsers: ["dns-tools"],
    weights: { "dns-resolution-failure": 2 },
  },
  "dns-tcp-ok": {
    meaning: { en: "DNS over TCP (dig +tcp) answers", zh: "DNS over TCP（dig +tcp）有应答" },
    parsers: ["dns-tools"],
    text: { en: rx(String.raw`\bdig \+tcp\b[^.]{0,40}\b(?:works?|succeeds?|answers?|returns?)\b|\bover TCP (?:works?|succeeds?)\b`) },
    weights: { "udp-receive-buffer-overflow": 1.5, "firewall-drop": 1, "dns-resolution-failure": -0.5 },
  },
  "dns-answer-ok": {
    meaning: { en: "DNS answered normally", zh: "DNS 应答正常" },
    parsers: ["dns-tools"],
    weights: { "dns-resolution-failure": -0.7 },
  },
  "resolv-rotate": {
    meaning: { en: "resolv.conf has 'options rotate'", zh: "resolv.conf 中配置了 'options rotate'" },
    parsers: ["dns-tools"],
    weights: { "dns-resolution-failure": 2 },
  },
  "resolv-single-request": {
    meaning: { en: "resolv.conf has single-request / single-request-reopen / use-vc", zh: "resolv.conf 中配置了 single-request / single-request-reopen / use-vc" },
    parsers: ["dns-tools"],
    weights: { "conntrack-insert-race": -1 },
  },
  "nsswitch-missing": {
    meaning: { en: "no /etc/nsswitch.conf, or hosts: lookup order puts dns before files", zh: "缺少 /etc/nsswitch.conf，或 hosts: 查找顺序中 dns 排在 files 之前" },
    parsers: ["dns-tools"],
    weights: { "nsswitch-lookup-order": 3 },
  },
  "go-resolver-dns-first": {
    meaning: { en: "Go resolver debug shows hostLookupOrder ... = dns,files", zh: "Go resolver 调试输出显示 hostLookupOrder ... = dns,files" },
    parsers: ["dns-tools"],
    weights: { "nsswitch-lookup-order": 3.5 },
  },
  "musl-libc": {
    meaning: { en: "musl libc / Alpine image", zh: "musl libc / Alpine 镜像" },
    parsers: ["dns-tools"],
    text: { en: rx(String.raw`\balpine\b|\bmusl\b`) },
    weights: { "dns-query-id-collision": 0.8, "nsswitch-lookup-order": 0.8, "dns-resolution-failure": 0.7, "conntrack-insert-race": 0.3 },
  },
} as const satisfies SignalDefinitions;

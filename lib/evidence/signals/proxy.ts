import { rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** Proxy and load-balancer logs (nginx, tengine, envoy, HAProxy). */
export const PROXY_SIGNALS = {
  "upstream-no-live": {
    meaning: { en: "nginx: 'no live upstreams while connecting to upstream'", zh: "nginx 报没有可用的上游：'no live upstreams while connecting to upstream'" },
    parsers: ["proxy-log"],
    text: { en: rx(String.raw`\bno live upstreams\b`) },
    weights: { "stale-dns-upstream": 2, "lb-node-fault": 1.2, "app-thread-pool-exhaustion": 0.5 },
  },
  "upstream-refused": {
    meaning: { en: "nginx: connect() failed (111: Connection refused) while connecting to upstream", zh: "nginx 连接上游被拒绝：connect() failed (111: Connection refused) while connecting to upstream" },
    parsers: ["proxy-log"],
    weights: { "lb-node-fault": 1.5, "stale-dns-upstream": 1.2, "firewall-reject": 0.7 },
  },
  "upstream-timeout": {
    meaning: { en: "nginx: upstream timed out (110: Connection timed out)", zh: "nginx 上游超时：upstream timed out (110: Connection timed out)" },
    parsers: ["proxy-log"],
    weights: { "app-thread-pool-exhaustion": 1.5, "accept-queue-overflow": 1, "close-wait-leak": 0.7, "firewall-drop": 0.5 },
  },
  "upstream-reset": {
    meaning: { en: "nginx: recv() failed (104: Connection reset by peer) / upstream prematurely closed connection", zh: "nginx 上游重置或提前关闭连接：recv() failed (104: Connection reset by peer) / upstream prematurely closed connection" },
    parsers: ["proxy-log"],
    weights: { "keepalive-timeout-mismatch": 2.5, "close-wait-leak": 0.5 },
  },
  "upstream-old-ip": {
    meaning: { en: "the proxy still sends to IPs the name no longer resolves to", zh: "代理仍在向该域名已不再解析到的 IP 发送请求" },
    text: {
    en: rx(String.raw`\b(?:old|stale|previous|former|outdated) (?:IPs?|IP addresses|addresses|backend IPs?)\b|\bcached (?:DNS|IPs?)\b`),
      zh: rx("旧的?(?:那个|那些)?\\s?IP|老的?(?:那个|那些)?\\s?IP|旧地址|缓存的?\\s?IP"),
    },
    group: "stale-upstream-ip",
    weights: { "stale-dns-upstream": 3.5 },
  },
} as const satisfies SignalDefinitions;

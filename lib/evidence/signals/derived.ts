import type { SignalDefinitions } from "./define";

/** Observations derived from two others, or from two pasted outputs together. */
export const DERIVED_SIGNALS = {
  "reachable-but-port-silent": {
    meaning: { en: "the host answers ping but the service port (e.g. DNS on UDP 53) times out", zh: "主机能 ping 通，但服务端口（如 UDP 53 上的 DNS）超时" },
    derived: true,
    weights: { "firewall-drop": 2, "dns-resolution-failure": -0.5, "nic-or-link-down": -1 },
  },
  "udp-fails-tcp-works": {
    meaning: { en: "the same query fails over UDP and succeeds over TCP", zh: "同一查询走 UDP 失败、走 TCP 成功" },
    derived: true,
    weights: { "udp-receive-buffer-overflow": 2, "firewall-drop": 1, "dns-resolution-failure": -1 },
  },
  "unreachable-but-up": {
    meaning: { en: "'No route to host' from a host that is up (it answers ping or another port): a REJECT rule answers with ICMP host-prohibited", zh: "主机在线（能 ping 通或别的端口能连）却报 'No route to host'：是 REJECT 规则用 ICMP host-prohibited 回应" },
    derived: true,
    weights: { "firewall-reject": 2.5, "nic-or-link-down": -1, "isp-routing-loss": -0.5 },
  },
  "nxdomain-after-change": {
    meaning: { en: "a name that resolved before a redeploy or rescheduling now answers NXDOMAIN", zh: "重新部署或调度之后，原本能解析的名字变成 NXDOMAIN" },
    derived: true,
    weights: { "orchestrator-endpoint-deletion": 1.5, "dns-resolution-failure": 0.3 },
  },
} as const satisfies SignalDefinitions;

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
} as const satisfies SignalDefinitions;

import type { RootCauseId } from "./root-cause-ids";
import type { CaseFrontmatter } from "./schema";

export type EntrySymptom = {
  id: string;
  label: string;
  labelZh: string;
  /** Root causes that commonly present this way, most frequent first. */
  causes: readonly RootCauseId[];
};

/** The symptoms an engineer starts from; browse pages and triage share them. */
export const ENTRY_SYMPTOMS: readonly EntrySymptom[] = [
  {
    id: "cannot-connect",
    label: "Cannot connect / connect timeout",
    labelZh: "无法连接 / 连接超时",
    causes: [
      "tcp-tw-recycle-nat-timestamps",
      "syn-queue-overflow",
      "accept-queue-overflow",
      "conntrack-insert-race",
      "conntrack-table-full",
      "firewall-drop",
      "lb-session-conflict",
      "idle-connection-leak",
      "fd-limit-exhausted",
      "time-wait-port-exhaustion",
      "ip-address-conflict",
      "nic-or-link-down",
      "underlay-network-drop",
      "lb-node-fault",
    ],
  },
  {
    id: "refused-or-reset",
    label: "Connection refused or reset",
    labelZh: "连接被拒绝 / 连接被重置",
    causes: [
      "firewall-reject",
      "ip-address-conflict",
      "lb-node-fault",
      "accept-queue-overflow",
      "keepalive-timeout-mismatch",
      "close-wait-leak",
      "iptables-redirect-hijack",
      "diagnostic-tool-artifact",
    ],
  },
  {
    id: "lb-5xx",
    label: "Intermittent 5xx or resets through a load balancer or proxy",
    labelZh: "经负载均衡或代理偶发 5xx / 重置",
    causes: [
      "keepalive-timeout-mismatch",
      "stale-dns-upstream",
      "lb-node-fault",
      "close-wait-leak",
      "app-thread-pool-exhaustion",
      "lb-session-conflict",
      "accept-queue-overflow",
    ],
  },
  {
    id: "slow",
    label: "Slow or low throughput",
    labelZh: "访问慢 / 吞吐低",
    causes: [
      "tcp-window-scaling-missing",
      "tcp-retransmission-hol-blocking",
      "mtu-mismatch",
      "http-framing-violation",
      "client-timeout-active-close",
      "shared-socket-lock-contention",
      "app-thread-pool-exhaustion",
      "isp-routing-loss",
      "softirq-cpu-imbalance",
    ],
  },
  {
    id: "dns",
    label: "DNS slow or failing",
    labelZh: "域名解析慢或失败",
    causes: [
      "dns-resolution-failure",
      "nsswitch-lookup-order",
      "dns-query-id-collision",
      "conntrack-insert-race",
      "udp-receive-buffer-overflow",
      "firewall-drop",
    ],
  },
  {
    id: "regional",
    label: "Loss or timeouts only from some regions, carriers or networks",
    labelZh: "部分地区 / 运营商 / 网络丢包或超时",
    causes: ["isp-routing-loss", "firewall-drop", "mtu-mismatch", "lb-node-fault"],
  },
  {
    id: "container",
    label: "Container / Kubernetes networking",
    labelZh: "容器 / Kubernetes 网络问题",
    causes: [
      "conntrack-insert-race",
      "conntrack-table-full",
      "ip-address-conflict",
      "underlay-network-drop",
      "mtu-mismatch",
      "nsswitch-lookup-order",
      "dns-query-id-collision",
      "iptables-redirect-hijack",
      "syn-queue-overflow",
      "container-scheduler-misconfig",
      "orchestrator-endpoint-deletion",
      "nic-or-link-down",
    ],
  },
  {
    id: "host",
    label: "Host-level anomaly (softirq, load, drops)",
    labelZh: "主机异常（软中断、负载、丢包）",
    causes: [
      "softirq-cpu-imbalance",
      "kernel-bug",
      "ephemeral-port-search-contention",
      "udp-receive-buffer-overflow",
      "conntrack-table-full",
      "nic-or-link-down",
      "fd-limit-exhausted",
      "host-environment-misconfig",
    ],
  },
  {
    id: "wrong-response",
    label: "Wrong response or traffic diverted",
    labelZh: "返回错误响应 / 流量被劫持",
    causes: [
      "iptables-redirect-hijack",
      "nsswitch-lookup-order",
      "dns-resolution-failure",
      "stale-dns-upstream",
      "ip-address-conflict",
      "dependency-endpoint-misconfig",
      "orchestrator-endpoint-deletion",
      "diagnostic-tool-artifact",
    ],
  },
];

/** Every cause a case names, confirmed, suspected or explained. */
export function causesNamedBy(c: Pick<CaseFrontmatter, "rootCause" | "suspectedCauses" | "relatedCauses">): RootCauseId[] {
  return [...(c.rootCause ? [c.rootCause] : []), ...c.suspectedCauses, ...c.relatedCauses];
}

/** True when a case presents as the entry symptom (through any cause it names). */
export function matchesEntrySymptom(c: Pick<CaseFrontmatter, "rootCause" | "suspectedCauses" | "relatedCauses">, symptom: EntrySymptom): boolean {
  return causesNamedBy(c).some((cause) => symptom.causes.includes(cause));
}

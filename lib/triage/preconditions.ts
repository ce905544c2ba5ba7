import type { RootCauseId } from "../content/root-cause-ids";
import type { SignalId } from "../evidence/signals";
import type { EnvironmentFacts, FactSource } from "./facts";

export type PreconditionState = "holds" | "contradicted" | "unknown";

/** One precondition of one cause, judged against the facts: why it holds, fails or is open. */
export type PreconditionResult = {
  id: string;
  /** What must be true, in plain words. */
  label: string;
  state: PreconditionState;
  /** Why it holds or fails, quoting the fact; for an open one, what would settle it. */
  reason: string;
  /** Steps (tree or built-in question ids) that settle an open precondition, best first. */
  checks: string[];
};

type Verdict = { state: PreconditionState; reason: string };
type Precondition = { id: string; label: string; checks: string[]; judge: (facts: EnvironmentFacts, observed: Set<SignalId>) => Verdict };

const quote = (fact: FactSource) => `"${fact.line}" (${fact.source})`;
const open = (reason: string): Verdict => ({ state: "unknown", reason });

/** net.ipv4.tcp_tw_recycle exists only before Linux 4.12. */
const KERNEL_BEFORE_4_12: Precondition = {
  id: "kernel-before-4.12",
  label: "a server kernel older than 4.12 (tcp_tw_recycle was removed in 4.12)",
  checks: ["cc-sysctl", "fact-kernel"],
  judge(facts, observed) {
    if (observed.has("tw-recycle-off")) return { state: "contradicted", reason: "tcp_tw_recycle is 0 on the server" };
    if (facts.twRecycleAbsent)
      return { state: "contradicted", reason: `the server has no tcp_tw_recycle setting (removed in kernel 4.12): ${quote(facts.twRecycleAbsent)}` };
    if (observed.has("tw-recycle-on")) return { state: "holds", reason: "tcp_tw_recycle = 1 on the server" };
    const kernel = facts.kernel;
    if (!kernel) return open("the kernel version is not known: read tcp_tw_recycle on the server");
    const newer = kernel.major > 4 || (kernel.major === 4 && kernel.minor !== undefined && kernel.minor >= 12);
    if (newer)
      return { state: "contradicted", reason: `kernel ${kernel.major}.${kernel.minor ?? "x"} has no tcp_tw_recycle (removed in 4.12): ${quote(kernel)}` };
    if (kernel.major < 4 || kernel.minor !== undefined)
      return { state: "holds", reason: `kernel ${kernel.major}.${kernel.minor ?? "x"} still has tcp_tw_recycle: ${quote(kernel)}` };
    return open(`"${kernel.line}" does not say whether the kernel is older than 4.12: read tcp_tw_recycle on the server`);
  },
};

const SHARED_SOURCE_IP: Precondition = {
  id: "shared-source-ip",
  label: "failing clients that share a source IP on the way (NAT, SNAT, a proxy, or a VIP used together with direct access)",
  checks: ["cc-scope", "fact-shared-ip"],
  judge(facts) {
    if (facts.sharedSourceIp === false) return { state: "contradicted", reason: "the failing clients do not share a source IP" };
    if (facts.sharedSourceIp) return { state: "holds", reason: `clients share a source IP: ${quote(facts.sharedSourceIp)}` };
    return open("whether the failing clients share a source IP is not known");
  },
};

const LOAD_BALANCER: Precondition = {
  id: "load-balancer",
  label: "a load balancer or proxy in the path",
  checks: ["fact-load-balancer"],
  judge(facts) {
    if (facts.loadBalancer === false) return { state: "contradicted", reason: "there is no load balancer or proxy in the path" };
    if (facts.loadBalancer) return { state: "holds", reason: `a load balancer or proxy is in the path: ${quote(facts.loadBalancer)}` };
    return open("whether a load balancer or proxy is in the path is not known");
  },
};

const CONTAINERS: Precondition = {
  id: "containers",
  label: "a service running in containers or on Kubernetes",
  checks: ["fact-containers"],
  judge(facts) {
    if (facts.containers === false) return { state: "contradicted", reason: "the service does not run in containers" };
    if (facts.containers) return { state: "holds", reason: `containers are involved: ${quote(facts.containers)}` };
    return open("whether the service runs in containers is not known");
  },
};

/** UDP (DNS, syslog, media) must be part of the problem; a ticket about TCP connections alone rules it out. */
const UDP_TRAFFIC: Precondition = {
  id: "udp-traffic",
  label: "UDP traffic (DNS, syslog, media) in the problem",
  checks: [],
  judge(facts) {
    if (facts.udpOrDns) return { state: "holds", reason: `UDP or DNS is involved: ${quote(facts.udpOrDns)}` };
    if (facts.tcp) return { state: "contradicted", reason: `the problem is about TCP connections and nothing involves UDP or DNS: ${quote(facts.tcp)}` };
    return open("whether UDP traffic is involved is not known");
  },
};

/** Name resolution must be part of the problem; TCP connection attempts mean the name was already resolved. */
const NAME_RESOLUTION: Precondition = {
  id: "name-resolution",
  label: "name resolution in the problem",
  checks: [],
  judge(facts) {
    if (facts.udpOrDns) return { state: "holds", reason: `name resolution is involved: ${quote(facts.udpOrDns)}` };
    if (facts.tcp) return { state: "contradicted", reason: `the client gets as far as a TCP connection, so the name resolved: ${quote(facts.tcp)}` };
    return open("whether name resolution is involved is not known");
  },
};

/** Each cause's preconditions: kernel range, protocol, topology, platform. Causes not listed have none. */
export const PRECONDITIONS: Partial<Record<RootCauseId, readonly Precondition[]>> = {
  "tcp-tw-recycle-nat-timestamps": [KERNEL_BEFORE_4_12, SHARED_SOURCE_IP],
  "udp-receive-buffer-overflow": [UDP_TRAFFIC],
  "dns-resolution-failure": [NAME_RESOLUTION],
  "nsswitch-lookup-order": [NAME_RESOLUTION],
  "dns-query-id-collision": [NAME_RESOLUTION],
  "lb-session-conflict": [LOAD_BALANCER],
  "lb-node-fault": [LOAD_BALANCER],
  "container-scheduler-misconfig": [CONTAINERS],
  "orchestrator-endpoint-deletion": [CONTAINERS],
};

/** Judges every precondition of a cause against the facts. Pure. */
export function checkPreconditions(cause: RootCauseId, facts: EnvironmentFacts, observed: Set<SignalId>): PreconditionResult[] {
  return (PRECONDITIONS[cause] ?? []).map(({ id, label, checks, judge }) => ({ id, label, checks, ...judge(facts, observed) }));
}

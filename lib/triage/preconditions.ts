import type { RootCauseId } from "../content/root-cause-ids";
import type { SignalId } from "../evidence/signals";
import type { EnvironmentFacts, FactSource } from "./facts";
import type { Lang } from "./language";

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
type Judge = (facts: EnvironmentFacts, observed: Set<SignalId>, lang: Lang) => Verdict;
type Precondition = { id: string; label: Record<Lang, string>; checks: string[]; judge: Judge };

const quote = (fact: FactSource, lang: Lang) => (lang === "en" ? `"${fact.line}" (${fact.source})` : `“${fact.line}”（${fact.source}）`);
const verdict = (state: PreconditionState, lang: Lang, reason: Record<Lang, string>): Verdict => ({ state, reason: reason[lang] });
const open = (lang: Lang, reason: Record<Lang, string>) => verdict("unknown", lang, reason);

/** net.ipv4.tcp_tw_recycle exists only before Linux 4.12. */
const KERNEL_BEFORE_4_12: Precondition = {
  id: "kernel-before-4.12",
  label: {
    en: "a server kernel older than 4.12 (tcp_tw_recycle was removed in 4.12)",
    zh: "服务器内核早于 4.12（tcp_tw_recycle 在 4.12 中已被删除）",
  },
  checks: ["cc-sysctl", "fact-kernel"],
  judge(facts, observed, lang) {
    if (observed.has("tw-recycle-off")) return verdict("contradicted", lang, { en: "tcp_tw_recycle is 0 on the server", zh: "服务器上 tcp_tw_recycle 为 0" });
    const absent = facts.twRecycleAbsent;
    if (absent)
      return verdict("contradicted", lang, {
        en: `the server has no tcp_tw_recycle setting (removed in kernel 4.12): ${quote(absent, lang)}`,
        zh: `服务器上没有 tcp_tw_recycle 参数（4.12 内核已删除）：${quote(absent, lang)}`,
      });
    if (observed.has("tw-recycle-on")) return verdict("holds", lang, { en: "tcp_tw_recycle = 1 on the server", zh: "服务器上 tcp_tw_recycle = 1" });
    const kernel = facts.kernel;
    if (!kernel)
      return open(lang, { en: "the kernel version is not known: read tcp_tw_recycle on the server", zh: "内核版本未知：请在服务器上查看 tcp_tw_recycle" });
    const version = `${kernel.major}.${kernel.minor ?? "x"}`;
    const newer = kernel.major > 4 || (kernel.major === 4 && kernel.minor !== undefined && kernel.minor >= 12);
    if (newer)
      return verdict("contradicted", lang, {
        en: `kernel ${version} has no tcp_tw_recycle (removed in 4.12): ${quote(kernel, lang)}`,
        zh: `${version} 内核没有 tcp_tw_recycle（4.12 中已删除）：${quote(kernel, lang)}`,
      });
    if (kernel.major < 4 || kernel.minor !== undefined)
      return verdict("holds", lang, {
        en: `kernel ${version} still has tcp_tw_recycle: ${quote(kernel, lang)}`,
        zh: `${version} 内核仍有 tcp_tw_recycle：${quote(kernel, lang)}`,
      });
    return open(lang, {
      en: `"${kernel.line}" does not say whether the kernel is older than 4.12: read tcp_tw_recycle on the server`,
      zh: `从“${kernel.line}”看不出内核是否早于 4.12：请在服务器上查看 tcp_tw_recycle`,
    });
  },
};

const SHARED_SOURCE_IP: Precondition = {
  id: "shared-source-ip",
  label: {
    en: "failing clients that share a source IP on the way (NAT, SNAT, a proxy, or a VIP used together with direct access)",
    zh: "失败的客户端在路径上共用一个源 IP（NAT、SNAT、代理，或者 VIP 与直连混用）",
  },
  checks: ["cc-scope", "fact-shared-ip"],
  judge(facts, _observed, lang) {
    const shared = facts.sharedSourceIp;
    if (shared === false) return verdict("contradicted", lang, { en: "the failing clients do not share a source IP", zh: "失败的客户端没有共用源 IP" });
    if (shared) return verdict("holds", lang, { en: `clients share a source IP: ${quote(shared, lang)}`, zh: `客户端共用源 IP：${quote(shared, lang)}` });
    return open(lang, { en: "whether the failing clients share a source IP is not known", zh: "还不知道失败的客户端是否共用源 IP" });
  },
};

const LOAD_BALANCER: Precondition = {
  id: "load-balancer",
  label: { en: "a load balancer or proxy in the path", zh: "路径上有负载均衡或代理" },
  checks: ["fact-load-balancer"],
  judge(facts, _observed, lang) {
    const lb = facts.loadBalancer;
    if (lb === false) return verdict("contradicted", lang, { en: "there is no load balancer or proxy in the path", zh: "路径上没有负载均衡或代理" });
    if (lb)
      return verdict("holds", lang, { en: `a load balancer or proxy is in the path: ${quote(lb, lang)}`, zh: `路径上有负载均衡或代理：${quote(lb, lang)}` });
    return open(lang, { en: "whether a load balancer or proxy is in the path is not known", zh: "还不知道路径上是否有负载均衡或代理" });
  },
};

const CONTAINERS: Precondition = {
  id: "containers",
  label: { en: "a service running in containers or on Kubernetes", zh: "服务运行在容器里或 Kubernetes 上" },
  checks: ["fact-containers"],
  judge(facts, _observed, lang) {
    const containers = facts.containers;
    if (containers === false) return verdict("contradicted", lang, { en: "the service does not run in containers", zh: "服务没有运行在容器里" });
    if (containers) return verdict("holds", lang, { en: `containers are involved: ${quote(containers, lang)}`, zh: `涉及容器：${quote(containers, lang)}` });
    return open(lang, { en: "whether the service runs in containers is not known", zh: "还不知道服务是否运行在容器里" });
  },
};

/** UDP (DNS, syslog, media) must be part of the problem; a ticket about TCP connections alone rules it out. */
const UDP_TRAFFIC: Precondition = {
  id: "udp-traffic",
  label: { en: "UDP traffic (DNS, syslog, media) in the problem", zh: "问题涉及 UDP 流量（DNS、syslog、音视频）" },
  checks: [],
  judge(facts, _observed, lang) {
    if (facts.udpOrDns)
      return verdict("holds", lang, { en: `UDP or DNS is involved: ${quote(facts.udpOrDns, lang)}`, zh: `涉及 UDP 或 DNS：${quote(facts.udpOrDns, lang)}` });
    if (facts.tcp)
      return verdict("contradicted", lang, {
        en: `the problem is about TCP connections and nothing involves UDP or DNS: ${quote(facts.tcp, lang)}`,
        zh: `问题是关于 TCP 连接的，没有任何地方涉及 UDP 或 DNS：${quote(facts.tcp, lang)}`,
      });
    return open(lang, { en: "whether UDP traffic is involved is not known", zh: "还不知道是否涉及 UDP 流量" });
  },
};

/** Name resolution must be part of the problem; TCP connection attempts mean the name was already resolved. */
const NAME_RESOLUTION: Precondition = {
  id: "name-resolution",
  label: { en: "name resolution in the problem", zh: "问题涉及域名解析" },
  checks: [],
  judge(facts, _observed, lang) {
    if (facts.udpOrDns)
      return verdict("holds", lang, { en: `name resolution is involved: ${quote(facts.udpOrDns, lang)}`, zh: `涉及域名解析：${quote(facts.udpOrDns, lang)}` });
    if (facts.tcp)
      return verdict("contradicted", lang, {
        en: `the client gets as far as a TCP connection, so the name resolved: ${quote(facts.tcp, lang)}`,
        zh: `客户端已经走到了建立 TCP 连接这一步，说明域名已经解析成功：${quote(facts.tcp, lang)}`,
      });
    return open(lang, { en: "whether name resolution is involved is not known", zh: "还不知道是否涉及域名解析" });
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

/** Judges every precondition of a cause against the facts; labels and reasons in `lang`. Pure. */
export function checkPreconditions(cause: RootCauseId, facts: EnvironmentFacts, observed: Set<SignalId>, lang: Lang = "en"): PreconditionResult[] {
  return (PRECONDITIONS[cause] ?? []).map(({ id, label, checks, judge }) => ({ id, label: label[lang], checks, ...judge(facts, observed, lang) }));
}

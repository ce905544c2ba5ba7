import { rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** Application and shell errors found in any pasted text. */
export const APP_ERRORS_SIGNALS = {
  "app-pool-exhausted": {
    meaning: { en: "an application pool (database connections, workers, threads) is exhausted or its threads are blocked", zh: "应用资源池（数据库连接、worker、线程）耗尽或其线程被阻塞" },
    parsers: ["app-errors"],
    weights: { "app-thread-pool-exhaustion": 3, "close-wait-leak": 1.5, "idle-connection-leak": 0.5 },
  },
  "upstream-not-in-dns": {
    meaning: { en: "the proxy's upstream addresses are all missing from what DNS returns now", zh: "代理的上游地址全都不在当前 DNS 返回结果中" },
    derived: true,
    group: "stale-upstream-ip",
    weights: { "stale-dns-upstream": 3.5, "dependency-endpoint-misconfig": 0.5 },
  },
  "refused-on-loopback": {
    meaning: { en: "a client's connection to 127.0.0.1 / localhost is refused: it fell back to a default address", zh: "客户端连接 127.0.0.1 / localhost 被拒绝：回退到了默认地址" },
    parsers: ["app-errors"],
    weights: { "dependency-endpoint-misconfig": 1.5, "host-environment-misconfig": 0.5 },
  },
  "service-not-found": {
    meaning: { en: "the orchestrator answers that the service or its endpoints do not exist", zh: "编排系统返回该服务或其 endpoint 不存在" },
    parsers: ["app-errors"],
    weights: { "orchestrator-endpoint-deletion": 2.5, "dns-resolution-failure": 0.3 },
  },
  "capture-empty": {
    meaning: { en: "a capture at the target saw none of the client's packets", zh: "在目标端抓包未看到任何客户端报文" },
    parsers: ["tcpdump"],
    weights: { "firewall-drop": 1.5, "underlay-network-drop": 1, "nic-or-link-down": 0.5, "isp-routing-loss": 0.3 },
  },
  "text-leftover-rules": {
    meaning: { en: "a host keeps NAT rules or chains from a platform it left (a former Kubernetes node, Docker, CNI)", zh: "主机上残留了已移除平台（原 Kubernetes 节点、Docker、CNI）的 NAT 规则或链" },
    text: {
    en: rx(String.raw`\b(?:leftover|left-over|stale|orphan(?:ed)?) (?:iptables |NAT |CNI |docker |kube-proxy )?(?:rules?|chains?)\b|\bkubeadm reset\b|\b(?:no longer|not) a (?:k8s|kubernetes) node\b|\b(?:used to be|was once|formerly) a (?:k8s|kubernetes) node\b`),
      zh: rx(String.raw`以前是\s?(?:k8s|kubernetes|K8s|K8S)\s?节点|残留的?(?:iptables|规则|链|CNI)|kubeadm reset`),
    },
    weights: { "iptables-redirect-hijack": 2.5 },
  },
  "text-tool-wrapped": {
    meaning: { en: "the command run is a wrapper, alias or different binary from the tool it seems to be", zh: "实际执行的命令是封装脚本、alias 或其他二进制，而非看上去的那个工具" },
    text: {
    en: rx(String.raw`\bwrapper (?:script )?(?:around|for|of|shadows?)\b|\b(?:is )?aliased to\b|\bshadow(?:s|ed|ing) (?:the )?(?:real |system )?\w+ (?:binary|command)\b|\b\w+ is /usr/local/bin/\w+`),
      zh: rx(String.raw`(?:包装|封装)(?:的)?脚本|alias\s?(?:成|为|到)|被[^。]{0,6}替换了?(?:命令|二进制)`),
    },
    group: "tool-wrapped",
    weights: { "diagnostic-tool-artifact": 2.5 },
  },
  "system-file-unreadable": {
    meaning: { en: "resolv.conf, hosts or nsswitch.conf is readable by root only (umask 077 hardening)", zh: "resolv.conf、hosts 或 nsswitch.conf 仅 root 可读（umask 077 加固）" },
    parsers: ["app-errors"],
    weights: { "host-environment-misconfig": 3.5, "dns-resolution-failure": -0.5 },
  },
  "client-bootstrap-error": {
    meaning: { en: "a client cannot use an entry of its configured server list (unresolvable name, unreachable node)", zh: "客户端无法使用其配置的服务器列表中的某个条目（名称无法解析、节点不可达）" },
    parsers: ["app-errors"],
    weights: { "dependency-endpoint-misconfig": 2.5 },
  },
  "tool-shadowed": {
    meaning: { en: "`type -a` shows the command resolves to a wrapper before the real binary", zh: "`type -a` 显示该命令先解析到封装脚本，而非真正的二进制" },
    parsers: ["app-errors"],
    group: "tool-wrapped",
    weights: { "diagnostic-tool-artifact": 3.5 },
  },
  "http-framing-error": {
    meaning: { en: "an HTTP client reports broken framing (body shorter or longer than Content-Length, junk before a status line)", zh: "HTTP 客户端报告报文分帧错误（响应体短于或长于 Content-Length、状态行前有垃圾数据）" },
    parsers: ["app-errors"],
    weights: { "http-framing-violation": 3, "keepalive-timeout-mismatch": 0.3 },
  },
  "command-not-found": {
    meaning: { en: "a script or cron job cannot find a command (PATH differs from a login shell)", zh: "脚本或 cron 任务找不到命令（PATH 与登录 shell 不同）" },
    parsers: ["app-errors"],
    weights: { "host-environment-misconfig": 3 },
  },
  "listen-queue-full-log": {
    meaning: { en: "a server logs that its listen (accept) queue is full (uWSGI 'listen queue of socket ... full')", zh: "服务端日志报监听（全连接）队列已满（如 uWSGI 'listen queue of socket ... full'）" },
    parsers: ["app-errors"],
    group: "accept-queue-overflowed",
    weights: { "accept-queue-overflow": 3, "app-thread-pool-exhaustion": 0.7 },
  },
  "backlog-capped-log": {
    meaning: { en: "a server logs that its listen backlog is cut down to net.core.somaxconn", zh: "服务端日志报监听 backlog 被 net.core.somaxconn 截小" },
    parsers: ["app-errors"],
    text: { en: rx(String.raw`\bbacklog setting of \d+ cannot be enforced\b|\bbacklog (?:is |was )?(?:too small|too low|capped|limited)\b`), zh: rx("backlog\\s?(?:太小|过小|被限制|被截断)") },
    group: "backlog-small",
    weights: { "accept-queue-overflow": 2 },
  },
  "server-connection-limit": {
    meaning: { en: "a server refuses clients at its connection limit (MySQL 'Too many connections', Redis 'max number of clients reached')", zh: "服务端连接数达到上限拒绝客户端（MySQL 'Too many connections'、Redis 'max number of clients reached'）" },
    parsers: ["app-errors"],
    text: { zh: rx("连接数(?:已经)?(?:满|达到上限|打满|超限|超过上限)|最大连接数") },
    weights: { "idle-connection-leak": 1.5, "app-thread-pool-exhaustion": 0.8, "close-wait-leak": 0.5, "fd-limit-exhausted": 0.3 },
  },
  "oom-killed": {
    meaning: { en: "a process was killed for memory (OOMKilled, exit code 137, the kernel's OOM killer)", zh: "进程因内存被杀（OOMKilled、退出码 137、内核 OOM killer）" },
    parsers: ["app-errors"],
    text: { en: rx(String.raw`\bOOM[- ]?kill(?:ed|er)?\b|\bout of memory\b`), zh: rx("内存溢出被杀|被\\s?OOM|OOM\\s?(?:了|被杀)") },
    weights: { "container-scheduler-misconfig": 1.5, "app-thread-pool-exhaustion": 0.7 },
  },
  "endpoints-empty": {
    meaning: { en: "the orchestrator lists no endpoints behind a service", zh: "编排系统显示该 Service 后面没有任何 endpoint" },
    parsers: ["app-errors"],
    text: {
      en: rx(String.raw`\bendpoints? (?:list |object )?(?:is|are|was|were|became|becomes) (?:empty|gone|missing|deleted|removed)\b|\bno endpoints\b|\bendpoints? (?:got |get |were |was )?(?:deleted|removed|wiped)\b`),
      zh: rx("endpoints?\\s?(?:为空|是空的|没有了|被删|消失|不见了)|没有\\s?endpoints?"),
    },
    weights: { "orchestrator-endpoint-deletion": 2, "dependency-endpoint-misconfig": 0.5, "lb-node-fault": 0.3 },
  },
  "probe-failed-log": {
    meaning: { en: "the orchestrator's readiness or liveness probe fails (kubelet 'Readiness probe failed')", zh: "编排系统的就绪或存活探针失败（kubelet 'Readiness probe failed'）" },
    parsers: ["app-errors"],
    group: "probe-fails",
    weights: { "syn-queue-overflow": 1, "accept-queue-overflow": 0.8, "app-thread-pool-exhaustion": 0.8, "container-scheduler-misconfig": 0.5 },
  },
  "stale-keepalive-log": {
    meaning: { en: "a client reuses a connection the server already closed ('Remote end closed connection without response', 'socket hang up', MySQL 'last packet ... milliseconds ago')", zh: "客户端复用了服务端已关闭的连接（'Remote end closed connection without response'、'socket hang up'、MySQL 'last packet ... milliseconds ago'）" },
    parsers: ["app-errors"],
    weights: { "keepalive-timeout-mismatch": 2.5, "idle-connection-leak": 0.3 },
  },
} as const satisfies SignalDefinitions;

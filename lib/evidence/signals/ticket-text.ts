import { FIVE_SECOND_DELAY_EN, FIVE_SECOND_DELAY_ZH, RESTART_FIXES_EN, RESTART_FIXES_ZH, findAfterMove, findCarrier, findConnectRetryDelay, findConnectTimeoutTotal, findHttp5xx, findToolDoubt, findTwRecycleNamed, findUdpLoss, rx } from "../prose";
import type { SignalDefinitions } from "./define";

/** Observations read from the ticket's own words, in English and Chinese: broad, so weaker. */
export const TICKET_TEXT_SIGNALS = {
  "text-timeout": {
    meaning: { en: "the ticket reports timeouts", zh: "工单反馈超时" },
    text: { en: rx(String.raw`\btim(?:e|es|ed|ing)[ -]?outs?\b|\bETIMEDOUT\b|\bdeadline exceeded\b`), zh: rx("超时") },
    group: "connect-timeout",
    weights: { "firewall-drop": 0.5, "tcp-tw-recycle-nat-timestamps": 0.5, "syn-queue-overflow": 0.4, "conntrack-insert-race": 0.4, "isp-routing-loss": 0.5, "lb-session-conflict": 0.2, "idle-connection-leak": 0.4, "underlay-network-drop": 0.4, "mtu-mismatch": 0.3, "app-thread-pool-exhaustion": 0.3, "firewall-reject": -0.7 },
  },
  "text-refused": {
    meaning: { en: "the ticket reports connection refused", zh: "工单反馈连接被拒绝" },
    // "refuses to start" is not a refused connection.
    text: { en: rx(String.raw`\brefus(?:e|es|ed|ing)\b(?! to\b)|\bECONNREFUSED\b`), zh: rx("拒绝|被拒") },
    group: "connection-refused",
    weights: { "firewall-reject": 1, "lb-node-fault": 1, "ip-address-conflict": 0.8, "diagnostic-tool-artifact": 0.5, "firewall-drop": -0.7 },
  },
  "text-reset": {
    meaning: { en: "the ticket reports resets", zh: "工单反馈连接被重置" },
    text: {
    en: rx(String.raw`\breset by peer\b|\bconnections? resets?\b|\b(?:is|was|are|were|gets?|got|being|been) reset\b|\bresets\b|\bRST\b|\bECONNRESET\b`),
      zh: rx("重置|复位"),
    },
    group: "connection-reset",
    weights: { "keepalive-timeout-mismatch": 0.8, "ip-address-conflict": 0.8, "firewall-reject": 0.5, "lb-session-conflict": 0.4 },
  },
  "text-5xx": {
    meaning: { en: "the ticket reports 5xx / 502 / 504 errors", zh: "工单反馈 5xx / 502 / 504 错误" },
    text: { find: findHttp5xx },
    group: "http-5xx",
    weights: { "keepalive-timeout-mismatch": 1.2, "stale-dns-upstream": 1, "lb-node-fault": 0.7, "close-wait-leak": 0.7, "app-thread-pool-exhaustion": 0.7 },
  },
  "text-slow": {
    meaning: { en: "the ticket reports slowness or low throughput", zh: "工单反馈访问慢或吞吐量低" },
    text: {
    en: rx(String.raw`\bslow(?:ness|er|s|ed)?\b|\blatenc(?:y|ies)\b|\bdelay(?:s|ed)?\b|\bthroughput\b|\blagg?(?:y|ing)?\b|\bstall(?:s|ed|ing)?\b|\bsluggish\b|\btakes? (?:a long time|too long|forever)\b`),
      // 慢慢 means "gradually", not slow.
      zh: rx("(?<!慢)慢(?!慢)|卡顿|卡住|很卡|卡死|变卡|延迟|延时|吞吐"),
    },
    weights: { "tcp-window-scaling-missing": 0.8, "tcp-retransmission-hol-blocking": 0.8, "mtu-mismatch": 0.5, "http-framing-violation": 0.5, "shared-socket-lock-contention": 0.5, "softirq-cpu-imbalance": 0.5, "isp-routing-loss": 0.5, "app-thread-pool-exhaustion": 0.5 },
  },
  "text-dns": {
    meaning: { en: "the ticket is about name resolution", zh: "工单涉及域名解析问题" },
    text: {
    en: rx(
        String.raw`\bDNS\b|\bname resolution\b|\bresolv(?:e|es|ed|ing) to\b|\b(?:can't|cannot|could not|couldn't|fails? to|failed to|no longer|do not|does not|doesn't|don't|won't) (?:be )?resolved?\b|\bresolver\b|\bresolv\.conf\b|\bnslookup\b|\bdig [@+\w-]+\.|\bname lookups?\b|\bCoreDNS\b|\bkube-dns\b|\bNXDOMAIN\b|\bSERVFAIL\b|\bdomain names?\b`,
      ),
      zh: rx("域名解析|解析失败|解析不|无法解析|解析超时|解析慢|解析延|解析异常|域名"),
    },
    weights: { "dns-resolution-failure": 1.2, "nsswitch-lookup-order": 1, "dns-query-id-collision": 1, "conntrack-insert-race": 0.5, "udp-receive-buffer-overflow": 0.5, "orchestrator-endpoint-deletion": 0.3 },
  },
  "text-intermittent": {
    meaning: { en: "the problem is intermittent / occasional", zh: "问题间歇性 / 偶发出现" },
    text: {
    en: rx(
        String.raw`\bintermittent(?:ly)?\b|\boccasional(?:ly)?\b|\bsometimes\b|\bsporadic(?:ally)?\b|\bfrom time to time\b|\bnow and then\b|\brandomly\b|\bflaky\b|\bflapping\b|\bnot always\b|\bone (?:time )?in (?:two|three|four|five|ten|\d+)\b|\brarely\b|\bfew requests\b|\bscattered\b|\bon and off\b|\bunstable\b`,
      ),
      zh: rx("偶发|偶尔|偶现|间歇|时好时坏|不定时|有时|时而|概率|不稳定|断断续续"),
    },
    weights: { "tcp-tw-recycle-nat-timestamps": 0.7, "conntrack-insert-race": 0.7, "keepalive-timeout-mismatch": 0.7, "syn-queue-overflow": 0.5, "lb-session-conflict": 0.4, "ip-address-conflict": 0.5, "dns-query-id-collision": 0.5, "accept-queue-overflow": 0.5, "nic-or-link-down": -0.7, "underlay-network-drop": -0.5 },
  },
  "text-some-clients": {
    meaning: { en: "only some clients, hosts or users are affected", zh: "仅部分客户端、主机或用户受影响" },
    text: {
    en: rx(
        String.raw`\b(?:some|certain|a few|specific|particular|individual)\s+(?:of (?:the|our)\s+)?(?:[\w-]+\s+){0,2}(?:clients?|users?|hosts?|machines?|servers?|instances?|nodes?|pods?|containers?|customers?|ips|addresses|devices|callers)\b|\bonly (?:one|this|that|a single|some|a few|certain)\s+(?:[\w-]+\s+)?(?:client|user|host|machine|server|instance|node|pod|container|customer|ip)s?\b|\bother (?:[\w-]+\s+){0,2}(?:clients|users|hosts|machines|servers|instances|nodes|pods|containers|customers)\b`,
      ),
      zh: rx("部分[^，。,；]{0,4}?(?:用户|客户端|客户|机器|主机|服务器|节点|实例|容器|终端|IP)|某些(?:用户|客户端|机器|主机|服务器|节点|实例|容器)|某台|个别|少数用户|只有一台|仅一台|其他(?:机器|主机|服务器|节点|容器|客户端)(?:都)?正常"),
    },
    weights: { "tcp-tw-recycle-nat-timestamps": 1, "isp-routing-loss": 0.8, "lb-session-conflict": 0.5, "idle-connection-leak": 0.5, "ip-address-conflict": 0.5, "syn-queue-overflow": -0.3, "accept-queue-overflow": -0.3 },
  },
  "text-nat": {
    meaning: { en: "clients are behind NAT / SNAT / a shared egress IP / cross-VPC", zh: "客户端位于 NAT / SNAT / 共享出口 IP 之后，或跨 VPC 访问" },
    text: {
    en: rx(
        String.raw`\bS?NAT\b|\bNAT gateway\b|\bmasquerad\w*|\begress IPs?\b|\bshared (?:public |egress |outbound )?IPs?\b|\bcross[- ]VPC\b|\bVPC peering\b|\b(?:another|different|other) VPCs?\b|\bin VPC \w+\b[^.]{0,80}\bVPC \w+\b`,
      ),
      zh: rx(String.raw`出口\s?IP|跨\s?VPC|地址转换|共享出口|对等连接`),
    },
    weights: { "tcp-tw-recycle-nat-timestamps": 1.5, "conntrack-insert-race": 0.7, "lb-session-conflict": 0.4 },
  },
  "text-kubernetes": {
    meaning: { en: "Kubernetes / pods / services are involved", zh: "涉及 Kubernetes / pod / service" },
    text: {
    en: rx(String.raw`\bk8s\b|\bkubernetes\b|\bpods?\b|\bkubectl\b|\bkube-(?:proxy|dns|apiserver)\b|\bkubelet\b|\bCoreDNS\b|\bNodePort\b|\bClusterIP\b|\b(?:TKE|EKS|GKE|AKS)\b|\bliveness\b|\breadiness\b|\bdaemonset\b`),
      zh: rx("容器编排"),
    },
    weights: { "conntrack-insert-race": 1, "nsswitch-lookup-order": 0.5, "dns-query-id-collision": 0.5, "syn-queue-overflow": 0.3, "iptables-redirect-hijack": 0.3 },
  },
  "text-container": {
    meaning: { en: "containers / Docker are involved", zh: "涉及容器 / Docker" },
    text: { en: rx(String.raw`\bdocker\w*|\bcontainers?\b|\bcontainerd\b|\bpodman\b|\bveth\w*`), zh: rx("容器") },
    weights: { "ip-address-conflict": 0.5, "nsswitch-lookup-order": 0.5, "underlay-network-drop": 0.5, "mtu-mismatch": 0.5, "container-scheduler-misconfig": 0.5, "orchestrator-endpoint-deletion": 0.3, "nic-or-link-down": 0.3 },
  },
  "text-load-balancer": {
    meaning: { en: "a load balancer (ELB/ALB/NLB/SLB/CLB) or reverse proxy is in the path", zh: "链路中有负载均衡（ELB/ALB/NLB/SLB/CLB）或反向代理" },
    text: {
    en: rx(
        String.raw`\b(?:ELB|ALB|NLB|SLB|CLB)s?\b|\bload[- ]balanc(?:er|ers|ing)\b|\bnginx\b|\btengine\b|\bopenresty\b|\bhaproxy\b|\benvoy\b|\bLVS\b|\bF5\b|\b(?:reverse )?prox(?:y|ies)\b|\bVIP\b|\bKong\b|\b(?:API|access|application|L7|layer-7) gateway\b`,
      ),
      zh: rx("负载均衡|反向代理|代理|网关(?!错误|超时)"),
    },
    weights: { "keepalive-timeout-mismatch": 0.7, "lb-node-fault": 0.8, "stale-dns-upstream": 0.7, "lb-session-conflict": 0.7 },
  },
  "text-carrier": {
    meaning: { en: "specific carriers, regions or countries are affected", zh: "特定运营商、地区或国家受影响" },
    text: { find: findCarrier },
    weights: { "isp-routing-loss": 2 },
  },
  "text-5s-delay": {
    meaning: { en: "delays of about 5 seconds (or 10)", zh: "延迟约 5 秒（或 10 秒）" },
    text: { en: FIVE_SECOND_DELAY_EN, zh: FIVE_SECOND_DELAY_ZH },
    group: "five-second-lookup",
    weights: { "conntrack-insert-race": 0.8, "dns-query-id-collision": 0.5, "nsswitch-lookup-order": 0.5 },
  },
  "text-large-transfers": {
    meaning: { en: "small requests work, large ones hang (ping works, big queries stall)", zh: "小请求正常，大请求卡住（ping 正常，大查询卡住）" },
    text: {
    en: rx(
        String.raw`\bpings? (?:works?|worked|is fine|ok|okay|succeeds?|succeeded|passes|goes through|is normal)\b|\b(?:large|big|bigger|larger) (?:packets?|files?|requests?|responses?|payloads?|quer(?:y|ies)|transfers?|uploads?|downloads?|bodies|body)\b|\bMTU\b|\bsmall (?:requests?|packets?|queries) (?:work|succeed|are fine)\b|\bfragment(?:ation|ed|s)?\b|\bjumbo\b`,
      ),
      zh: rx(String.raw`ping\s?(?:能|可以)?通[，,]?\s?但|ping\s?正常[，,]?\s?但|大包|大文件|大请求|大报文|大查询|分片|小的?[^。，,]{0,10}(?:都)?(?:没问题|正常|可以)[^。]{0,30}大`),
    },
    weights: { "mtu-mismatch": 2.5, "tcp-window-scaling-missing": 0.5 },
  },
  "text-overlay": {
    meaning: { en: "vxlan / overlay / tunnel networking", zh: "vxlan / overlay / 隧道网络" },
    text: {
    en: rx(String.raw`\bvxlan\b|\boverlay\b|\btunnel(?:s|ing|led|ling)?\b|\bflannel\b|\bcalico\b|\bweave\b|\bcilium\b|\bgeneve\b|\bipip\b|\bGRE\b|\bIPsec\b`),
      zh: rx("隧道|叠加网络|覆盖网络"),
    },
    weights: { "underlay-network-drop": 1.5, "mtu-mismatch": 1 },
  },
  "text-after-scaling": {
    meaning: { en: "started after scaling, a deploy or an IP change", zh: "在扩缩容、发布或 IP 变更后开始出现" },
    text: {
    en: rx(
        String.raw`\bscal(?:e|ed|es|ing)[ -](?:out|up|down|in)\b|\bautoscal\w*|\bredeploy\w*|\b(?:after|since) (?:a |the |our |each )?(?:deploy(?:ment)?|release|rollout|upgrade|update|config(?:uration)? change)\b|\brolling update\b|\broll(?:ed|ing)? ?back\b|\brollbacks?\b|\brolled out\b|\b(?:nodes?|instances?|servers?|machines?|replicas?|pods?) (?:were|was|are|got|being) added\b|\badded (?:[\w-]+ ){0,2}(?:nodes?|instances?|servers?|replicas?)\b|\bnew (?:nodes?|instances?|IPs?|IP addresses)\b|\bIPs? (?:address(?:es)? )?(?:changed?|changes)\b|\bchanged IPs?\b|\bdifferent from before\b`,
      ),
      zh: rx(String.raw`扩容|缩容|扩展|发布|上线|回滚|变更后|升级后|IP\s?变(?:化|了|更)|换了\s?IP|新(?:节点|机器|实例)|部署后`),
    },
    weights: { "stale-dns-upstream": 1.2, "lb-node-fault": 1, "iptables-redirect-hijack": 0.5 },
  },
  "text-after-move": {
    meaning: { en: "started after a move, reboot or hardware change", zh: "在迁移、重启或更换硬件后开始出现" },
    // "Fine again after a restart" is a restart that helps, not a change that broke it.
    text: { find: findAfterMove },
    weights: { "nic-or-link-down": 1.5, "orchestrator-endpoint-deletion": 0.7, "ip-address-conflict": 0.5 },
  },
  "text-wrong-response": {
    meaning: { en: "the response comes from the wrong service / traffic goes to the wrong place", zh: "响应来自错误的服务 / 流量被转发到错误的目标" },
    text: {
    en: rx(
        String.raw`\bwrong (?:response|service|server|backend|host|result|data|address|IP|place|destination)s?\b|\bunrelated (?:response|content)s?\b|\bnothing to do with the request\b|\bhijack(?:ed|ing|s)?\b|\bunexpected (?:response|address|IP|host|server|backend)s?\b|\bunfamiliar (?:[\w-]+ )?(?:address|IP|host|server)\b|\bgoes to the wrong\b|\bnever reach (?:them|us|the service)\b|\bWelcome to nginx\b|\b(?:default|placeholder) (?:page|site|vhost)\b|\b(?:never|don't|do not|doesn't) (?:show up|appear) in (?:the |our )?(?:service|app|application)(?:'s)? logs?\b`,
      ),
      zh: rx("返回错误(?!码|信息|提示)|返回了错误的|返回内容不对|响应不对|串了|串号|劫持|错误的(?:服务|响应|结果|地址)|不相关的(?:响应|内容)|数据(?:跟|和|与)[^。，,]{0,12}不一样|连到了?(?:另一|别的)|(?:日志|access\\s?log)里(?:也)?(?:看不到|没有)[^。]{0,10}请求|返回的是[^。]{0,20}(?:页面|默认页)"),
    },
    weights: { "iptables-redirect-hijack": 2, "nsswitch-lookup-order": 1, "dns-resolution-failure": 0.7, "ip-address-conflict": 0.7 },
  },
  "text-high-load": {
    meaning: { en: "high CPU, softirq or load on the host", zh: "主机 CPU、软中断或负载高" },
    text: {
    en: rx(
        String.raw`\bhigh (?:CPU|load|softirq)\b|\bCPU (?:usage |load |utili[sz]ation )?(?:is |was |goes |went |at )?(?:very )?(?:high|100 ?%|saturated|maxed|pegged)|\bCPU (?:graph|usage) (?:was |is )?(?:full of )?spikes\b|\bload average\b|\bsoftirq\b|\bksoftirqd\b|\bload (?:is |was )?(?:very )?high\b|\bheavy load\b`,
      ),
      zh: rx(String.raw`CPU\s?(?:使用率|占用|利用率)?\s?(?:很|非常|过)?高|CPU\s?(?:打满|跑满|100%)|软中断|负载(?:很|非常|过)?高|高负载|毛刺`),
    },
    weights: { "softirq-cpu-imbalance": 1.2, "ephemeral-port-search-contention": 0.8, "kernel-bug": 0.8, "shared-socket-lock-contention": 0.5 },
  },
  "text-burst": {
    meaning: { en: "failures come with bursts of new connections or load tests", zh: "故障伴随新建连接突增或压测出现" },
    text: {
    en: rx(
        String.raw`\bload[- ]test(?:s|ing|ed)?\b|\bstress[- ]test\w*|\bbursts?\b|\bbursty\b|\btraffic spik\w+|\bspikes? in (?:traffic|connections|requests)\b|\b(?:high|heavy|peak) (?:traffic|concurrency)\b|\btraffic (?:is|was) (?:heavy|high)\b|\bpeak (?:hours?|time)\b|\bconnections per second\b|\bCPS\b`,
      ),
      zh: rx("压测|压力测试|突发|高并发|并发(?:量)?(?:高|大)|流量(?:突增|激增|高峰)|峰值|高峰"),
    },
    weights: { "syn-queue-overflow": 1, "accept-queue-overflow": 1, "conntrack-insert-race": 0.8, "time-wait-port-exhaustion": 0.5 },
  },
  "text-keepalive": {
    meaning: { en: "keep-alive / idle connections are mentioned", zh: "提到了 keep-alive / 空闲连接" },
    text: {
    en: rx(String.raw`\bkeep[- ]?alives?\b|\bpersistent connections?\b|\blong[- ]lived connections?\b|\bconnection pool(?:s|ing)?\b|\bidle (?:connections?|timeouts?|sockets?)\b|\bidle_timeout\b|\breuses? (?:the )?connections?\b`),
      zh: rx("长连接|空闲连接|连接池|保活|连接复用"),
    },
    weights: { "keepalive-timeout-mismatch": 1.2, "idle-connection-leak": 0.8, "close-wait-leak": 0.3 },
  },
  "text-tool-doubt": {
    meaning: { en: "one tool fails while another succeeds against the same target", zh: "对同一目标，一个工具失败而另一个工具成功" },
    text: { find: findToolDoubt },
    weights: { "diagnostic-tool-artifact": 1.5, "dns-resolution-failure": 0.5 },
  },
  "text-udp": {
    meaning: { en: "UDP traffic is involved", zh: "涉及 UDP 流量" },
    text: { en: rx(String.raw`\bUDP\b`) },
    weights: { "udp-receive-buffer-overflow": 0.8, "shared-socket-lock-contention": 0.5, "underlay-network-drop": 0.3 },
  },
  "text-conn-limit": {
    meaning: { en: "a connection count or connection limit is mentioned", zh: "提到了连接数或连接数限制" },
    text: {
    en: rx(
        String.raw`\bconn(?:ection)?s? (?:limit|cap|count|quota)s?\b|\bmax(?:imum)?[ _-]?conn(?:ection)?s?\b|\bmaxclients\b|\btoo many connections\b|\bnumber of (?:tcp |open |concurrent )?connections\b|\bconcurrent connections\b|\bLimitListener\b`,
      ),
      zh: rx("连接数|连接上限|最大连接|连接满|连接耗尽"),
    },
    weights: { "idle-connection-leak": 1.2, "fd-limit-exhausted": 0.8, "accept-queue-overflow": 0.3 },
  },
  "text-permission-denied": {
    meaning: { en: "permission denied / wrong file modes / umask", zh: "权限被拒绝（permission denied）/ 文件权限错误 / umask" },
    text: { en: rx(String.raw`\bpermission denied\b|\bumask\b|\bEACCES\b|\bnot permitted\b|\bfile (?:modes?|permissions?)\b|\bpermissions? (?:problems?|issues?|errors?)\b|\b(?:unexpected|wrong|bad) permissions\b`), zh: rx("权限不够|权限不足|没有权限|无权限|权限错误") },
    weights: { "host-environment-misconfig": 2.5 },
  },
  "text-env-missing": {
    meaning: { en: "commands or environment variables missing in scripts (command not found, PATH)", zh: "脚本中找不到命令或缺少环境变量（command not found、PATH）" },
    text: {
    en: rx(String.raw`\bcommand not found\b|\benvironment variables?\b|\b\$?PATH\b(?= (?:is|was|lacks|missing|variable))|\bnot in (?:the )?PATH\b|\bmodprobe\b`),
      zh: rx("环境变量|找不到命令|命令不存在"),
    },
    weights: { "host-environment-misconfig": 2.5 },
  },
  "text-scheduler-resources": {
    meaning: { en: "the scheduler reports insufficient resources / cpu-shares / placement failures", zh: "调度器报告资源不足 / cpu-shares / 调度失败" },
    text: {
    en: rx(String.raw`\binsufficient (?:resources?|cpu|memory)\b|\bplacement constraints?\b|\b(?:scheduled|placed|co-?located|landed) on the same (?:node|host)\b|\bnoisy neighbou?rs?\b|\bCPU throttl\w+|\bthrottl(?:ed|ing) (?:by (?:the )?)?(?:CFS|cgroup|CPU quota)\b|\bCFS quota\b|\bcpu\.cfs_quota_us\b|\bnr_throttled\b|\bGOMAXPROCS\b|\bnot enough resources\b|\bno resources available\b|\bcpu[- ]shares\b|\bInsufficient (?:cpu|memory)\b|\bfailed to schedule\b|\bunschedulable\b`),
      zh: rx(String.raw`资源不足|调度失败|无法调度|CPU\s?限流|CPU\s?被限制|节流|调度到了?同一台|混部|资源争抢|抢占\s?CPU`),
    },
    weights: { "container-scheduler-misconfig": 3 },
  },
  "text-log-flood": {
    meaning: { en: "logs flood the disk / exception logs grow without bound", zh: "日志写满磁盘 / 异常日志无限增长" },
    text: {
    en: rx(String.raw`\b(?:logs?|log files?) (?:fill(?:s|ed|ing)?|flood(?:s|ed|ing)?|blow(?:s|ing)? up|eat(?:s|ing)?) (?:up )?(?:the )?disk\b|\bdisk (?:is |was )?full\b|\b\d+ ?[GT]B of (?:exception |error )?logs?\b|\blog storm\b`),
      zh: rx("日志(?:打爆|写满|占满|撑爆)|磁盘(?:打爆|写满|占满|满了)|打爆磁盘"),
    },
    weights: { "dependency-endpoint-misconfig": 1.5, "app-thread-pool-exhaustion": 0.5 },
  },
  "text-config-no-effect": {
    meaning: { en: "editing a config file has no effect / the service reads its config from elsewhere", zh: "修改配置文件不生效 / 服务实际从别处读取配置" },
    text: {
    en: rx(String.raw`\b(?:edit(?:ing|ed)?|chang(?:e|ed|ing)|modif(?:y|ied|ying)) (?:the )?(?:config(?:uration)?|file|settings?)[^.]{0,40}\b(?:no effect|did not help|didn't help|does not take effect|is ignored)\b`),
      zh: rx("修改(?:配置|文件)?(?:后)?(?:不生效|没有效果|无效)|配置不生效"),
    },
    weights: { "dependency-endpoint-misconfig": 2, "host-environment-misconfig": 0.5 },
  },
  "text-endpoint-missing": {
    meaning: { en: "a service alias / endpoint / registration disappeared after a failover, reschedule or rollback", zh: "故障切换、重新调度或回滚后，服务别名 / endpoint / 注册信息消失" },
    text: {
    en: rx(String.raw`\bnet-alias\b|\b(?:DNS )?(?:records?|CNAME|DNS entry) (?:was |were |got )?(?:deleted|removed)\b|\bAction=DELETE\b|\bderegister(?:ed|s|ing)?\b|\b(?:services?|svc|endpoints?)\b[^.]{0,30}\bnot found\b|\b(?:gone|removed|missing|disappeared) from (?:the )?(?:catalog|registry|service discovery|Consul|Eureka|Nacos)\b|\b(?:alias|endpoint|service registration|registration)s? (?:no longer|cannot be|can't be|could not be|are not|is not) (?:resolv\w*|found|reachable)\b|\bendpoints? (?:was |were |got )?(?:deleted|removed|lost)\b`),
      zh: rx(String.raw`别名解析不到|域名解析不到|服务注册(?:丢失|消失)|endpoint\s?(?:被删除|丢失)|服务(?:被)?(?:注销|摘除|删掉了|删除了)|(?:记录|CNAME)(?:被)?(?:删除|删掉)|Action=DELETE|注册中心(?:里)?(?:没有|找不到)`),
    },
    weights: { "orchestrator-endpoint-deletion": 2.5, "dns-resolution-failure": 0.5 },
  },
  "text-process-gone": {
    meaning: { en: "a process disappears or exits and the platform is blamed", zh: "进程消失或退出，被归咎于平台" },
    text: {
    en: rx(String.raw`\bprocess(?:es)? (?:disappear(?:s|ed)?|vanish(?:es|ed)?|(?:was |were |got |is )?killed|exit(?:s|ed)?|died|is gone|went away)\b|\b(?:disappears?|vanished) after\b`),
      zh: rx("进程(?:不见了|消失|没了|被杀|退出)|被杀掉"),
    },
    weights: { "app-thread-pool-exhaustion": 1.5, "diagnostic-tool-artifact": 0.7, "host-environment-misconfig": 0.5 },
  },
  "text-threads-pile-up": {
    meaning: { en: "threads, goroutines or requests pile up / a watchdog interrupts threads / pool exhausted", zh: "线程、goroutine 或请求堆积 / watchdog 中断线程 / 连接池耗尽" },
    text: {
    en: rx(String.raw`\bthreads? (?:pile[sd]? up|piling up|pool (?:is )?(?:exhausted|full))\b|\b(?:thread|goroutine|worker) (?:count|leak)s?\b|\bgoroutines?\b|\binterrupt(?:s|ed|ing)? (?:the |all |every )?threads?\b|(?<!NETDEV )\bwatchdog\b|\bthread dump\b|\bpool (?:is )?exhausted\b|\bjstack\b|\bTIMED_WAITING\b|\bevent loop (?:is |was |gets |got )?(?:blocked|stalled|stuck)\b|\bblock(?:s|ed|ing)? the event loop\b|\b(?:full|long) GCs?\b|\bGC pauses?\b|\bstop-the-world\b`),
      zh: rx("线程(?:堆积|数暴涨|池满|池耗尽|泄漏)|协程(?:堆积|泄漏)|(?<!NETDEV\s?)看门狗|中断线程|事件循环(?:阻塞|卡住)|Full\\s?GC|GC\\s?停顿"),
    },
    weights: { "app-thread-pool-exhaustion": 2.5, "close-wait-leak": 0.8 },
  },
  "text-retransmission": {
    meaning: { en: "retransmissions, duplicate ACKs or head-of-line blocking are reported", zh: "反馈有重传、重复 ACK 或队头阻塞" },
    text: {
    en: rx(String.raw`\bretransmi(?:t|ts|tted|ssions?)\b|\bdup(?:licate)? ?acks?\b|\bhead[- ]of[- ]line\b|\bHOL blocking\b|\bpacket loss\b`),
      zh: rx("重传|丢包|队头阻塞"),
    },
    group: "retransmissions",
    weights: { "tcp-retransmission-hol-blocking": 1.5, "kernel-bug": 0.8, "mtu-mismatch": 0.5, "isp-routing-loss": 0.3 },
  },
  "text-kernel": {
    meaning: { en: "a kernel version, kernel bug or kernel upgrade is involved", zh: "涉及内核版本、内核 bug 或内核升级" },
    text: {
    en: rx(String.raw`\bkernel (?:bug|regression|upgrade|update|patch|panic|crash|oops)(?:e?s)?\b|\b(?:upgrad(?:e|ed|ing)|patch(?:ed)?|updat(?:e|ed|ing)) (?:the )?kernel\b|\b(?:after|since) (?:a |the )?kernel\b|\bnew(?:er)? kernel\b|\bkernel\b[^.]{0,40}?\b(?:upgraded?|updated?|bumped|moved) (?:from|to)\b|\b(?:roll(?:ed|ing)? back|revert(?:ed|ing)?|downgrad(?:e|ed|ing)) (?:to )?(?:the )?(?:old|previous|earlier|prior) kernel\b`),
      zh: rx(String.raw`内核(?:bug|缺陷|升级|问题|更新)|升级(?:了)?内核|新内核|内核从?[^。]{0,30}(?:升到|升级到|升级为|换成)|(?:回退|降级)[^。]{0,10}内核|内核回退`),
    },
    weights: { "kernel-bug": 2, "ephemeral-port-search-contention": 0.7, "softirq-cpu-imbalance": 0.5 },
  },
  "text-http-204": {
    meaning: { en: "an HTTP 204/304 response carries Content-Length or a body", zh: "HTTP 204/304 响应带有 Content-Length 或响应体" },
    text: { en: rx(String.raw`\b(?:HTTP )?[23]04\b[^.]{0,80}\bContent-Length\b|\bContent-Length\b[^.]{0,80}\b(?:204|304)\b`) },
    group: "body-on-204",
    weights: { "http-framing-violation": 3.5 },
  },
  "text-lock-contention": {
    meaning: { en: "lock contention / one socket shared by many workers / cannot saturate the CPU", zh: "锁竞争 / 多个 worker 共享同一个 socket / CPU 跑不满" },
    text: {
    en: rx(String.raw`\block contention\b|\bcontend(?:s|ing)? (?:on|for) (?:a |the )?lock\b|\b_raw_spin_lock\w*|\bqueued_spin_lock_slowpath\b|\binet_csk_accept\b|\baccept_mutex\b|\b(?:SO_)?REUSEPORT\b|\b(?:cannot|can't|could not|couldn't|fails? to|unable to) saturate\b|\b(?:one|a single|the same) (?:UDP |TCP )?(?:socket|connection|fd)\b[^.]{0,60}\b(?:shared|all|every)\b|\b(?:all|every|many|\d+) (?:[\w()-]+ ){0,5}(?:on|from) (?:one|a single|the same) (?:bound |listening )?(?:UDP |TCP )?(?:socket|listener|fd)\b|\bfutex\b`),
      zh: rx("锁竞争|锁争用|跑不满\s?CPU|压不满"),
    },
    weights: { "shared-socket-lock-contention": 3 },
  },
  "text-ipv6": {
    meaning: { en: "AAAA / IPv6 records are involved", zh: "涉及 AAAA / IPv6 记录" },
    text: { en: rx(String.raw`\bAAAA\b|\bIPv6\b`) },
    weights: { "dns-query-id-collision": 1.2, "conntrack-insert-race": 0.5 },
  },
  "text-probe-fails": {
    meaning: { en: "liveness, readiness or health-check probes fail", zh: "liveness、readiness 或健康检查探针失败" },
    text: {
    en: rx(String.raw`\b(?:liveness|readiness|health)[- ]?(?:check|probe)s? (?:fail\w*|time\w* out)\b|\bfail(?:s|ed|ing)? (?:the |its )?(?:liveness|readiness|health)[- ]?(?:checks?|probes?)\b`),
      zh: rx("(?:存活|健康|就绪)(?:检查|探测|探针)(?:失败|超时)"),
    },
    group: "probe-fails",
    weights: { "syn-queue-overflow": 1, "accept-queue-overflow": 0.8, "app-thread-pool-exhaustion": 0.5 },
  },
  "text-firewall": {
    meaning: { en: "a firewall, security group or ACL is in the path", zh: "链路中有防火墙、安全组或 ACL" },
    text: {
    en: rx(String.raw`\bfirewalls?\b|\bsecurity groups?\b|\bnetwork ACLs?\b|\bNACLs?\b|\bACL\b`),
      zh: rx("防火墙|安全组|访问控制"),
    },
    weights: { "firewall-drop": 1.2, "firewall-reject": 0.8 },
  },
  "text-port-range": {
    meaning: { en: "ephemeral / local port range or source ports are discussed", zh: "讨论到临时端口 / 本地端口范围或源端口" },
    text: {
    en: rx(String.raw`\bip_local_port_range\b|\bephemeral ports?\b|\blocal ports?\b|\bsource ports? (?:range|exhaust\w*)\b|\bport exhaustion\b|\b(?:even|odd)[- ](?:numbered )?(?:local |source )?ports?\b`),
      zh: rx("端口耗尽|本地端口|源端口|临时端口|奇数端口|偶数端口"),
    },
    weights: { "ephemeral-port-search-contention": 1.5, "time-wait-port-exhaustion": 1.2 },
  },
  "text-response-but-waits": {
    meaning: { en: "the response is on the wire, yet the client keeps waiting until its timeout", zh: "响应已在线路上，但客户端仍一直等待直到超时" },
    text: {
    en: rx(String.raw`\b(?:response|reply|answer) (?:is on the wire|arrives?|arrived|comes? back|came back)\b[^.]{0,80}?\b(?:client|caller|application)\b[^.]{0,30}?\b(?:waits?|waiting|hangs?|keeps)\b|\bwaits? (?:until|till) (?:its |the )?timeout\b`),
      zh: rx("响应(?:已经|早就)?(?:到了|返回了)[^。]{0,20}(?:还在等|一直等|等到超时)"),
    },
    weights: { "http-framing-violation": 2.5, "app-thread-pool-exhaustion": 0.3 },
  },
  "text-stall-together": {
    meaning: { en: "several requests on one connection stall together and complete together", zh: "同一连接上的多个请求一起卡住、又一起完成" },
    text: {
    en: rx(String.raw`\b(?:stall|stalls|stalled|delayed|slow|complete|completed|finish|finished|recover|recovers)\b (?:all )?(?:together|at (?:the same (?:time|instant|moment)|once))\b|\b(?:several|multiple|many) requests\b[^.]{0,60}?\b(?:sharing|on) (?:a|one|the same) connection\b`),
      zh: rx("同时卡住|一起卡住|一起返回|队头阻塞"),
    },
    weights: { "tcp-retransmission-hol-blocking": 2.5, "app-thread-pool-exhaustion": 0.5 },
  },
  "text-window-limited": {
    meaning: { en: "throughput capped while the receive window is full / no window scaling", zh: "接收窗口已满 / 未启用窗口扩大时吞吐量受限" },
    text: {
    en: rx(String.raw`\b(?:receive |TCP )?window (?:is |was |stays? |stayed )?(?:full|nearly full|small|capped|limited)\b|\bwindow scal(?:e|ing)\b|\bwscale\b|\b(?:tops? out|capped|plateaus?) (?:at |around )?(?:about )?\d+ ?[MK]bps\b`),
      zh: rx("窗口(?:满|打满|太小)|窗口缩放"),
    },
    weights: { "tcp-window-scaling-missing": 2.5 },
  },
  "text-direct-and-vip": {
    meaning: { en: "clients reach the backend both through the load balancer VIP and directly", zh: "客户端既通过负载均衡 VIP 访问后端，又直接访问后端" },
    text: {
    en: rx(String.raw`\bboth (?:directly|direct)\b[^.]{0,60}?\b(?:VIP|load balancer|SLB|ELB)\b|\b(?:VIP|load balancer|SLB|ELB)\b[^.]{0,60}?\band (?:also )?directly\b|\bdirectly (?:to|on) the (?:backend|RS|real server)s?\b[^.]{0,60}?\b(?:and|as well as) (?:through|via) the (?:VIP|load balancer|SLB)\b|\b(?:through|via) the (?:NLB|ALB|ELB|SLB|CLB|VIP|load balancer)\b[^.]{0,120}?\bdirectly\b|\bdirectly\b[^.]{0,120}?\b(?:through|via) the (?:NLB|ALB|ELB|SLB|CLB|VIP|load balancer)\b`),
      zh: rx(String.raw`既(?:通过|走)[^。]{0,10}(?:VIP|SLB|CLB|ELB|负载均衡)[^。]{0,40}又[^。]{0,20}直(?:接|连)|同时(?:直连|直接访问)`),
    },
    weights: { "lb-session-conflict": 3 },
  },
  "text-ip-conflict": {
    meaning: { en: "an IP conflict / duplicate IP is reported", zh: "反馈 IP 冲突 / IP 重复" },
    text: {
    en: rx(String.raw`\bIP (?:address )?conflicts?\b|\bduplicate (?:IP|address)(?:es)?\b|\baddress conflicts?\b|\bsame IP\b[^.]{0,40}?\b(?:two|another|other) (?:hosts?|machines?|servers?|containers?)\b|\bMAC\b[^.]{0,30}?\b(?:keeps?|kept) (?:chang|flipp|flapp|alternat|switch)\w*|\bMAC\b[^.]{0,30}?\b(?:flipp|flapp|alternat)\w*|\bMAC[- ]?(?:moves?|flaps?|flapping)\b`),
      zh: rx(String.raw`IP\s?冲突|地址冲突|IP\s?重复|重复的?\s?IP|MAC\s?(?:地址)?(?:一直|不停|来回)?(?:变|切换|漂移|跳)|ARP\s?(?:冲突|漂移)`),
    },
    group: "duplicate-ip",
    weights: { "ip-address-conflict": 3 },
  },
  "text-tw-recycle": {
    meaning: { en: "tcp_tw_recycle is named among the sysctls that were changed or tuned", zh: "被修改或调优的 sysctl 中提到了 tcp_tw_recycle" },
    text: { find: findTwRecycleNamed },
    group: "tw-recycle-enabled",
    weights: { "tcp-tw-recycle-nat-timestamps": 1.5 },
  },
  "text-dns-cached": {
    meaning: { en: "the process caches resolved addresses (JVM/app DNS cache, resolved once at start)", zh: "进程缓存了解析结果（JVM/应用 DNS 缓存，仅启动时解析一次）" },
    text: {
    en: rx(
        String.raw`\b(?:JVM|Java|app(?:lication)?|client|process|nginx|proxy|runtime)(?:'s)? (?:DNS|resolver|name) cach(?:e|es|ing)\b|\bnetworkaddress\.cache\.ttl\b|\binetaddr\.ttl\b|\bresolv(?:es|ed|ing) (?:the )?(?:host ?names?|names?|domains?|upstreams?) (?:only )?once\b|\bcach(?:es|ed|ing) (?:the )?(?:DNS|resolved (?:IPs?|addresses))\b|\b(?:keeps?|kept|still) (?:connecting|sending|going|talking) to the (?:old|previous|former|stale)\b`,
      ),
      zh: rx(String.raw`DNS\s?缓存|解析缓存|缓存了?(?:旧的?)?\s?(?:IP|地址|解析结果)|只解析一次|启动时(?:才)?解析`),
    },
    weights: { "stale-dns-upstream": 2.5 },
  },
  "text-resolver-config": {
    meaning: { en: "resolv.conf was rewritten or lists nameservers nobody recognises or that do not answer", zh: "resolv.conf 被改写，或其中的 nameserver 无人认识或无应答" },
    text: {
    en: rx(
        String.raw`\bresolv\.conf\b[^.]{0,80}?\b(?:overwritten|rewritten|replaced|modified|changed|no longer|regular file|not a symlink|unknown|unrecogni[sz]ed|injected|extra|wrong)\b|\bnameservers? (?:we|nobody|no one) (?:don't|do not|doesn't) (?:recogni[sz]e|know)\b|\b(?:unknown|unrecogni[sz]ed|wrong|stale|extra|injected|dead|unreachable) (?:DNS |name ?)?servers?\b|\boptions rotate\b`,
      ),
      zh: rx(String.raw`resolv\.conf\s?(?:被)?(?:改|覆盖|修改|重写|替换)|(?:陌生|未知|不认识|多了|多出|多余)的?[^。]{0,6}(?:nameserver|DNS\s?服务器)`),
    },
    weights: { "dns-resolution-failure": 2.5, "host-environment-misconfig": 0.5 },
  },
  "text-fraction-fails": {
    meaning: { en: "a steady fraction of connections fails, or one of several addresses or nodes does", zh: "固定比例的连接失败，或多个地址/节点中的某一个失败" },
    text: {
    en: rx(
        String.raw`\b(?:a third|one third|a quarter|one quarter|two thirds|1/[2-4]|one in (?:two|three|four)|(?:25|33|50) ?%) of (?:the |all |our )?(?:new )?(?:connections|requests|connects|calls|attempts)\b|\b(?:one|1) of (?:the |its |our )?(?:two|three|four|five|[2-9]) (?:[\w-]+ ){0,2}(?:IPs|IP addresses|addresses|nodes|instances|backends|VIPs)\b`,
      ),
      zh: rx(String.raw`三分之一|四分之一|一半的?新?(?:连接|请求|流量)|其中一个\s?(?:IP|地址|节点)|某一个\s?(?:IP|地址|节点)`),
    },
    weights: { "lb-node-fault": 2, "lb-session-conflict": 0.5, "ip-address-conflict": 0.5, "stale-dns-upstream": 0.5 },
  },
  "text-single-stream-capped": {
    meaning: { en: "one stream's throughput is capped while parallel streams add up", zh: "单流吞吐量受限，而多流并行时可以叠加" },
    text: {
    en: rx(
        String.raw`\bsingle[- ](?:stream|flow|connection|TCP connection|transfer)\b[^.]{0,80}?\b(?:capped|only|limited|stuck|tops? out|plateaus?|never (?:exceeds|goes above))\b|\b(?:parallel|multiple|concurrent) (?:streams|connections|flows|transfers)\b[^.]{0,60}?\b(?:scales?|linear(?:ly)?|adds? up|multipl\w+)\b`,
      ),
      zh: rx(String.raw`单(?:流|连接|线程|个连接|条连接)[^。，,]{0,20}(?:只有|只能|卡在|上不去|最多)|(?:并发|多线程|多流|多个连接)[^。]{0,30}线性`),
    },
    weights: { "tcp-window-scaling-missing": 2.5, "isp-routing-loss": 0.3 },
  },
  "text-port-forward": {
    meaning: { en: "a port forward, DNAT or REDIRECT rule is mentioned", zh: "提到了端口转发、DNAT 或 REDIRECT 规则" },
    text: { en: /\b[Pp]ort[- ]?forward\w*|\bDNAT\b|\bREDIRECT\b|\biptables -t nat\b/g, zh: rx("端口转发|转发(?:规则|配置)|[“\"]转发[”\"]") },
    weights: { "iptables-redirect-hijack": 1.2, "firewall-drop": 0.5 },
  },
  "text-kernel-version": {
    meaning: { en: "a kernel version is named (context, not a complaint about the kernel)", zh: "提到了内核版本（仅为背景信息，并非针对内核的问题）" },
    // A version alone is context: most tickets name their kernel.
    text: { en: rx(String.raw`\b(?:3|4|5|6)\.\d+\.\d+-\d+\S*|\bkernel (?:version )?(?:3|4|5|6)\.\d+\b`), zh: rx(String.raw`内核(?:版本)?\s?(?:3|4|5|6)\.\d+`) },
    weights: { "kernel-bug": 0.3 },
  },
  "spinlock-hot": {
    meaning: { en: "perf shows kernel spin-lock functions on top: CPUs wait on one shared lock", zh: "perf 显示内核自旋锁函数排在最前：多个 CPU 在等待同一把共享锁" },
    parsers: ["strace-perf"],
    weights: { "shared-socket-lock-contention": 2.5, "ephemeral-port-search-contention": 0.7, "softirq-cpu-imbalance": 0.3 },
  },
  "text-dead-peers": {
    meaning: { en: "connections to peers that are long gone stay ESTABLISHED (no keepalive or heartbeat)", zh: "对端早已不存在，连接却一直处于 ESTABLISHED（无 keepalive 或心跳）" },
    text: {
    en: rx(
        String.raw`\b(?:connections?|ESTABLISHED)\b[^.]{0,80}?\b(?:from|of|belong(?:s|ing)? to) (?:clients?|pods?|devices?|hosts?|peers?) (?:that|which) (?:were|are|have been|had been) (?:deleted|gone|dead|offline|terminated|removed)\b|\bSO_KEEPALIVE\b|\bzombie connections?\b|\bhalf-open connections?\b|\bdead (?:peers?|clients?|connections?)\b`,
      ),
      zh: rx(String.raw`僵尸连接|死连接|半开连接|(?:一直|仍然|还是)\s?(?:是)?\s?ESTABLISHED|SO_KEEPALIVE|没有?(?:应用层)?心跳`),
    },
    weights: { "idle-connection-leak": 2.5, "keepalive-timeout-mismatch": 0.3 },
  },
  "text-rst-not-from-server": {
    meaning: { en: "a reset answers the client while the server never sees its SYN: something in between answers", zh: "客户端收到 reset，而服务端从未收到其 SYN：是中间设备在应答" },
    text: {
    en: rx(
        String.raw`\b(?:server|target|backend|broker|host|destination)(?:'s)? (?:side )?(?:capture )?(?:never|didn't|did not|does not|doesn't) (?:see|sees|saw|receive[sd]?|gets?|got|shows?|showed) (?:the|any|a|those|these) SYNs?\b|\bRSTs? (?:comes?|came|arrives?|arrived) (?:back )?(?:within|in|after) (?:under |less than )?(?:a |1 |one )?(?:\d+ )?(?:ms|millisecond)`,
      ),
      zh: rx(String.raw`(?:没|未)有?(?:看到|收到|抓到)[^。，,]{0,12}SYN|SYN[^。]{0,20}(?:1\s?毫秒|1\s?ms)[^。]{0,6}(?:就)?收到[^。]{0,4}RST`),
    },
    weights: { "firewall-reject": 2, "ip-address-conflict": 0.7, "lb-node-fault": 0.5 },
  },
  "text-offload": {
    meaning: { en: "NIC offloads (TSO/GSO/GRO/LRO) or capture checksum errors are discussed", zh: "讨论到网卡卸载（TSO/GSO/GRO/LRO）或抓包校验和错误" },
    text: {
    en: rx(String.raw`\b(?:bad|incorrect|wrong|invalid) (?:TCP |IP |UDP )?checksums?\b|\bcksum\b[^.]{0,30}\bincorrect\b|\b(?:TSO|GSO|GRO|LRO)\b|\b(?:segmentation|receive|checksum) offload\w*`),
      zh: rx(String.raw`校验和(?:错误|不对)|checksum\s?(?:错误|不对)|网卡卸载`),
    },
    weights: { "diagnostic-tool-artifact": 2, "mtu-mismatch": -0.5 },
  },
  "text-endpoint-config": {
    meaning: { en: "a client's list of endpoints holds stale, test, empty or decommissioned entries", zh: "客户端的 endpoint 列表中有过期、测试、空或已下线的条目" },
    text: {
    en: rx(
        String.raw`\b(?:bootstrap\.servers|sentinels?|seed (?:nodes|hosts|list)|connect(?:ion)? strings?|endpoints? list|hosts? list|broker list)\b[^.]{0,100}?\b(?:old|stale|decommissioned|retired|test|staging|wrong|empty|typo|leftover|removed|no longer exists?)\b|\b(?:decommissioned|retired|test|staging|leftover) (?:broker|endpoint|node|server|host|cluster)s?\b[^.]{0,60}?\b(?:config|list|still)\b`,
      ),
      zh: rx(String.raw`(?:配置|地址列表|bootstrap|连接串)[^。]{0,40}(?:测试(?:环境|网段|集群)|已经下线|下线的|旧的|空的|写错)|(?:测试|下线)[^。]{0,12}(?:地址|broker|节点)[^。]{0,20}(?:没删|还在)`),
    },
    weights: { "dependency-endpoint-misconfig": 2.5 },
  },
  "capture-offload-artifact": {
    meaning: { en: "a capture shows segments larger than any frame or 'incorrect' checksums: offload seen from the host, not a fault", zh: "抓包中出现超过帧长的分段或 'incorrect' 校验和：这是在本机看到的卸载现象，并非故障" },
    parsers: ["tcpdump"],
    weights: { "diagnostic-tool-artifact": 3, "mtu-mismatch": -1, "nic-or-link-down": -1 },
  },
  "cpu-throttled": {
    meaning: { en: "the container's CPU quota throttles it (cgroup nr_throttled / throttled_usec)", zh: "容器受 CPU quota 限流（cgroup nr_throttled / throttled_usec）" },
    parsers: ["cgroup-cpu"],
    weights: { "container-scheduler-misconfig": 3, "app-thread-pool-exhaustion": 0.5 },
  },
  "text-hairpin": {
    meaning: { en: "a pod or backend cannot reach its own service address (hairpin through the load balancer or NAT)", zh: "Pod 或后端访问不了指向自己的 Service / VIP 地址（经负载均衡或 NAT 的回环访问）" },
    text: {
      en: rx(String.raw`\bhairpin\w*|\b(?:reach\w*|curl\w*|call\w*|connect\w* to|access\w*|talk\w* to|hit\w*)\b[^.]{0,20}\b(?:its|their) own (?:service|ClusterIP|cluster IP|VIP|service IP|load balancer|external IP)\b|\bfrom (?:inside|within) (?:the )?(?:same )?(?:pod|container|backend)\b[^.]{0,60}\b(?:own|same) (?:service|VIP|ClusterIP)\b`),
      zh: rx(String.raw`访问自己的?\s?(?:service|Service|服务|VIP|ClusterIP|SLB|负载均衡)|自己访问自己|回环访问|hairpin`),
    },
    weights: { "lb-session-conflict": 2.5, "iptables-redirect-hijack": 0.3 },
  },
  "text-idle-timeout": {
    meaning: { en: "connections fail around an idle timeout (a load balancer's or NAT gateway's 60 s, 350 s, 900 s)", zh: "连接在某个空闲超时附近出问题（负载均衡或 NAT 网关的 60 秒、350 秒、900 秒）" },
    text: {
      en: rx(String.raw`\bidle[ -]?time-?outs?\b|\b(?:60|350|900|3600)[ -]?(?:s|secs?|seconds?)\b[^.]{0,30}\bidle\b|\bidle (?:for |after )?(?:60|350|900)[ -]?(?:s|secs?|seconds?)\b|\b(?:one|1)[ -]minute mark\b|\bidle connections? (?:are |get |being )?(?:closed|dropped|reset|killed)\b`),
      zh: rx(String.raw`空闲(?:超时|连接[^。]{0,12}?(?:断开|关闭|回收|清理|断掉))|idle\s?timeout|闲置(?:超时|连接[^。]{0,12}?(?:断开|断掉))`),
    },
    weights: { "keepalive-timeout-mismatch": 1.5, "idle-connection-leak": 0.7, "client-timeout-active-close": 0.3 },
  },
  "text-udp-loss": {
    meaning: { en: "UDP datagrams are dropped or lost on the receiving host", zh: "接收端的 UDP 报文被丢弃或丢失" },
    text: { find: findUdpLoss },
    weights: { "udp-receive-buffer-overflow": 2, "softirq-cpu-imbalance": 0.5, "firewall-drop": 0.3 },
  },
  "text-registered-wrong-address": {
    meaning: { en: "a service registers or advertises an address its clients cannot reach (wrong NIC, Docker bridge, internal IP)", zh: "服务注册或通告了客户端访问不到的地址（选错网卡、Docker 网桥、内网 IP）" },
    text: {
      en: rx(String.raw`\b(?:register(?:s|ed|ing)?|advertis(?:es|ed|ing)|announc(?:es|ed|ing)|publish(?:es|ed|ing))\b[^.]{0,60}\b(?:wrong|internal|private|docker|bridge|virtual|loopback|unreachable|random|container)\b[^.]{0,30}\b(?:IPs?|address(?:es)?|interfaces?|NICs?|hostnames?)\b|\badvertised\.listeners\b|\bmultiple (?:NICs|network interfaces|network cards)\b`),
      zh: rx(String.raw`注册(?:的|上去的|到\S{0,10}的)?\s?(?:IP|地址)[^。]{0,20}(?:不对|错误|是|变成)|多(?:块)?网卡|虚拟网卡|网桥(?:网段)?的?(?:IP|地址)|选(?:择)?(?:了)?网卡`),
    },
    weights: { "dependency-endpoint-misconfig": 2.5, "ip-address-conflict": 0.3 },
  },
  "text-fd-exhausted": {
    meaning: { en: "file descriptors (handles) run out or leak", zh: "文件描述符（句柄）耗尽或泄漏" },
    text: {
      en: rx(String.raw`\b(?:file descriptors?|fds?|file handles?|handles)\b[^.]{0,30}\b(?:exhausted|run(?:ning)? out|ran out|used up|leak(?:s|ing|ed)?|limit (?:reached|hit))\b|\b(?:run(?:s|ning)?|ran) out of (?:file descriptors|fds|file handles|handles|sockets)\b|\bfd leaks?\b|\bE[MN]FILE\b`),
      zh: rx(String.raw`(?:文件)?句柄[^。]{0,6}(?:耗尽|泄漏|泄露|用完|不够|超限|打满)|文件描述符[^。]{0,6}(?:耗尽|泄漏|泄露|用完|不够|超限)|打开(?:的)?文件(?:数)?(?:过多|太多|超限)`),
    },
    weights: { "fd-limit-exhausted": 1.5, "idle-connection-leak": 0.3, "close-wait-leak": 0.3 },
  },
  "text-arp-changes": {
    meaning: { en: "the ARP entry or MAC address for one IP keeps changing", zh: "同一 IP 的 ARP 表项或 MAC 地址来回变化" },
    text: {
      en: rx(String.raw`\b(?:ARP|neighbou?r) (?:entry|entries|table|cache)\b.{0,40}?\b(?:keeps? changing|chang(?:es|ed|ing)|flips?|flapping|alternat\w+|toggl\w+)\b|\bMAC (?:address )?(?:flap\w*|keeps? changing|changes? back and forth|alternat\w+)\b`),
      zh: rx(String.raw`ARP\s?(?:表|缓存|条目)?[^。]{0,8}(?:变化|变来变去|跳变|来回变|不停变)|MAC\s?(?:地址)?[^。]{0,4}(?:来回变|漂移|跳变|变来变去)`),
    },
    weights: { "ip-address-conflict": 2.5, "lb-node-fault": 0.3 },
  },
  "text-cross-node-only": {
    meaning: { en: "traffic fails only between different nodes or hosts; on one node it works", zh: "只有跨节点（跨宿主机）的流量失败，同一节点内正常" },
    text: {
      en: rx(String.raw`\b(?:pods?|containers?|peers?|services?|instances?) (?:are |is |run(?:s|ning)? )?on (?:different|other|another|separate) (?:nodes?|hosts?)\b|\bcross[- ](?:node|host)\b|\bacross (?:nodes|hosts)\b|\bsame (?:node|host)\b[^.]{0,30}\b(?:works?|is fine|fine|ok|succeeds?)\b|\bonly (?:on|from) the (?:node|host) (?:running|hosting|where)\b`),
      zh: rx(String.raw`跨节点|跨宿主机|跨主机|不同(?:的)?(?:节点|宿主机)|同(?:一)?(?:个)?(?:节点|宿主机)(?:上)?(?:的)?[^。]{0,10}(?:正常|可以|没问题)`),
    },
    weights: { "underlay-network-drop": 2, "mtu-mismatch": 0.7, "firewall-drop": 0.7, "ip-address-conflict": 0.3 },
  },
  "text-hosts-ignored": {
    meaning: { en: "an /etc/hosts entry is ignored: the name is looked up in DNS instead", zh: "/etc/hosts 里的条目不生效：名字被拿去查了 DNS" },
    text: {
      en: rx(String.raw`(?:/etc/)?hosts (?:file |entry |entries )?(?:is |are |was |were |gets? |got )?(?:ignored|not (?:used|respected|honou?red|consulted|read|working)|bypassed|skipped)\b|\b(?:ignores?|ignoring|bypass(?:es|ing)?|skips?) (?:the )?(?:/etc/)?hosts\b`),
      zh: rx(String.raw`hosts\s?(?:文件|配置|里的?(?:记录|条目|解析))?[^。]{0,10}(?:不生效|没生效|无效|不起作用|被忽略|没有用)`),
    },
    weights: { "nsswitch-lookup-order": 2.5, "host-environment-misconfig": 0.5, "dns-resolution-failure": 0.3 },
  },
  "text-synack-retransmits": {
    meaning: { en: "the server retransmits its SYN-ACK: the client's ACK is not taken (accept queue full)", zh: "服务端重传 SYN-ACK：客户端的 ACK 没被接收（全连接队列满）" },
    text: {
      en: rx(String.raw`\bSYN[-/, +]?ACKs? (?:is |are |was |were |being |gets? |got )?retransmit\w*|\bretransmit\w* (?:of )?(?:the |its |their )?SYN[-/, +]?ACKs?\b`),
      zh: rx(String.raw`SYN[-+,]?\s?ACK\s?(?:包)?\s?(?:一直|不断|反复)?重传|重传(?:了)?\s?SYN[-+,]?\s?ACK`),
    },
    weights: { "accept-queue-overflow": 2, "syn-queue-overflow": 0.5 },
  },
  "text-established-growing": {
    meaning: { en: "ESTABLISHED connections keep growing and are never released", zh: "ESTABLISHED 连接数持续增长、一直不释放" },
    text: {
      en: rx(String.raw`\bESTABLISHED\b[^.]{0,60}\b(?:keeps? (?:growing|increasing|rising|climbing)|grows?|never (?:drops?|goes? down|released?|closed?)|pil(?:e|es|ing) up|accumulat\w+)|\b(?:established )?connections? (?:count )?(?:keeps? (?:growing|increasing|climbing)|grows? (?:steadily|without bound|forever))\b`),
      zh: rx(String.raw`ESTABLISHED[^。]{0,12}(?:一直涨|越来越多|不断增加|持续增长|只增不减|不释放)|连接数[^。]{0,8}(?:一直涨|越来越多|不断增加|持续增长|只增不减)`),
    },
    weights: { "idle-connection-leak": 2, "close-wait-leak": 0.3, "app-thread-pool-exhaustion": 0.3 },
  },
  "text-search-domains": {
    meaning: { en: "resolv.conf search domains or ndots send names to the wrong lookups", zh: "resolv.conf 的 search 域或 ndots 让名字走了错误的查询" },
    text: {
      en: rx(String.raw`\bndots\b|\bsearch (?:domains?|paths?|lists?|suffix(?:es)?)\b|\bdomain suffix\b`),
      zh: rx(String.raw`ndots|search\s?(?:域|后缀|列表)|搜索域|域名后缀`),
    },
    weights: { "dns-resolution-failure": 1.5, "conntrack-insert-race": 0.3, "dns-query-id-collision": 0.3 },
  },
  "text-syn-seen-no-reply": {
    meaning: { en: "the server host captures the client's SYN but never answers it", zh: "服务端主机抓到了客户端的 SYN，却始终没有回应" },
    text: {
      en: rx(String.raw`\bSYNs? (?:arrives?|arrived|reach(?:es|ed)?|(?:is|are|was|were) (?:received|seen|captured|visible|arriving))\b[^.]{0,80}?\b(?:no|never|without|doesn't|does not|didn't|did not|not)\b[^.]{0,30}?\b(?:SYN[-/, +]?ACK|repl(?:y|ies|ied)|respon[sd]\w*|answer\w*)|\b(?:server|host|backend) (?:sees|receives|received|gets|got) (?:the |a |every )?SYNs?\b[^.]{0,60}?\b(?:no|never|not|doesn't|does not)\b[^.]{0,20}?\b(?:SYN[-/, +]?ACK|repl\w+|respon\w+|answer\w*)`),
      zh: rx(String.raw`(?:抓到|收到|看到|能抓到)了?\s?(?:客户端的?)?\s?SYN[^。]{0,30}?(?:没有|不|未)\s?(?:回|回复|响应|回应|应答)|SYN[^。]{0,20}?(?:服务端|服务器)[^。]{0,10}?(?:没有|不|未)\s?(?:回|回复|响应|回应)`),
    },
    weights: { "tcp-tw-recycle-nat-timestamps": 1.8, "accept-queue-overflow": 0.8, "syn-queue-overflow": 0.8, "conntrack-table-full": 0.7, "firewall-drop": 0.5, "underlay-network-drop": -0.5 },
  },
  "text-answer-mismatch": {
    meaning: { en: "name lookups get answers meant for another query (a wrong record, another name's address)", zh: "域名解析拿到了属于别的查询的应答（错误的记录、别的域名的地址）" },
    text: {
      en: rx(String.raw`\b(?:answers?|repl(?:y|ies)|responses?)\b[^.]{0,20}\b(?:for|to|of|from) (?:a |an )?(?:different|another|other|wrong|unrelated) (?:query|queries|name|names|domain|host(?:name)?|record)\b|\bmismatched (?:DNS )?(?:answers|replies|responses)\b|\b(?:resolves?|resolved) to (?:the )?(?:IP|address) of (?:a |an )?(?:different|another|other) (?:name|host|domain|service)\b`),
      zh: rx(String.raw`解析(?:结果)?(?:串了|错乱|返回了?别的域名|是别的域名)|(?:拿到|返回)了?(?:别的|其他)域名的(?:IP|地址|解析)`),
    },
    weights: { "dns-query-id-collision": 2, "dns-resolution-failure": 0.3 },
  },
  "text-connect-syscall-slow": {
    meaning: { en: "connect() itself is slow or burns system CPU on the client", zh: "客户端的 connect() 调用本身很慢或大量消耗内核态 CPU" },
    text: {
      en: rx(String.raw`\bconnect\(\)\s?(?:calls? |syscalls? )?(?:is |are |became |becomes |gets? |got )?(?:slow|expensive|taking|blocking|high latency)\b|\b(?:slow|expensive) connect\(\)|\bconnect\(\) (?:latency|takes)\b|\bhigh (?:sys|system|kernel)(?:[ -]mode)? CPU\b|\b%sys\b[^.]{0,20}\b(?:high|spik\w+|\d{2,3} ?%)`),
      zh: rx(String.raw`connect\s?(?:系统调用|调用)?\s?(?:耗时|很慢|变慢|慢)|(?:sys|内核态|系统态)\s?(?:CPU)?\s?(?:很高|占用高|飙高|飙升)`),
    },
    weights: { "ephemeral-port-search-contention": 1.8, "time-wait-port-exhaustion": 0.5, "shared-socket-lock-contention": 0.5, "kernel-bug": 0.3 },
  },
  "text-restart-fixes": {
    meaning: { en: "a restart fixes it for a while: something builds up (connections, descriptors, threads) or is cached", zh: "重启能暂时解决：有东西在累积（连接、句柄、线程）或被缓存" },
    text: { en: RESTART_FIXES_EN, zh: RESTART_FIXES_ZH },
    weights: { "close-wait-leak": 0.8, "idle-connection-leak": 0.8, "fd-limit-exhausted": 0.7, "app-thread-pool-exhaustion": 0.7, "stale-dns-upstream": 0.8, "conntrack-table-full": 0.3, "kernel-bug": 0.3, "time-wait-port-exhaustion": 0.3 },
  },
  "text-connect-timeout-total": {
    meaning: { en: "connects give up after a SYN-retry total (21 s on Windows, 63, 75, 127 or 130 s elsewhere): no SYN was ever answered", zh: "连接在 SYN 重试总时长后放弃（Windows 21 秒，其他系统 63、75、127、130 秒）：SYN 始终没有得到应答" },
    text: { find: findConnectTimeoutTotal },
    weights: { "firewall-drop": 1.2, "tcp-tw-recycle-nat-timestamps": 0.8, "underlay-network-drop": 0.5, "conntrack-table-full": 0.5, "syn-queue-overflow": 0.3, "app-thread-pool-exhaustion": -0.5 },
  },
  "text-connect-retry-delay": {
    meaning: { en: "some connects take about 1, 3 or 7 s, the SYN retransmission steps: the first SYN was dropped and a retry got through", zh: "部分连接建立耗时约 1、3 或 7 秒，正好是 SYN 重传的间隔：第一个 SYN 被丢，重传才成功" },
    text: { find: findConnectRetryDelay },
    weights: { "conntrack-insert-race": 1, "syn-queue-overflow": 0.8, "accept-queue-overflow": 0.5, "tcp-tw-recycle-nat-timestamps": 0.5 },
  },
  "text-periodic": {
    meaning: { en: "it happens at a fixed period (exactly every N minutes or hours)", zh: "按固定周期发生（每隔 N 分钟或 N 小时）" },
    text: {
      en: rx(String.raw`\b(?:exactly |precisely |almost exactly )?every (?:\d{1,3}|one|two|five|ten|fifteen|thirty) ?(?:min(?:ute)?s?|h(?:ou)?rs?|hours?)\b|\bat (?:regular|fixed) intervals\b|\bon the (?:hour|half hour)\b`),
      zh: rx(String.raw`每隔?\s?(?:\d{1,3}|一|两|五|十|十五|三十)\s?(?:分钟|个?小时)|固定(?:时间|周期|间隔)|周期性`),
    },
    weights: { "keepalive-timeout-mismatch": 0.7, "ip-address-conflict": 0.5, "stale-dns-upstream": 0.3, "idle-connection-leak": 0.3, "host-environment-misconfig": 0.3 },
  },
  "text-bond-failover": {
    meaning: { en: "a bonded or teamed link, or its backup path, is involved", zh: "涉及 bond/team 链路聚合或其备用链路" },
    text: {
      en: rx(String.raw`\bbond(?:ing|ed)?\d*\b|\bteam(?:ing|ed)? (?:interface|link|driver)s?\b|\bLACP\b|\b(?:active-backup|fail-?over) (?:link|port|NIC|interface|mode)\b|\bslave (?:interface|NIC)\b`),
      zh: rx(String.raw`bond\d*|链路聚合|网卡绑定|双网卡(?:绑定|主备)|主备(?:切换|链路|网卡)`),
    },
    weights: { "nic-or-link-down": 1.5, "ip-address-conflict": 0.7, "underlay-network-drop": 0.3 },
  },
  "text-new-path": {
    meaning: { en: "a VPN, tunnel or newly added network sits in the path", zh: "路径上新增了 VPN、隧道或新网络" },
    text: {
      en: rx(String.raw`\b(?:VPN|WireGuard|OpenVPN|IPsec|GlobalProtect|AnyConnect|Tailscale|ZeroTier)\b|\b(?:Direct Connect|ExpressRoute|Cloud Interconnect|transit gateway|dedicated line|leased line)\b`),
      zh: rx(String.raw`VPN|专线|隧道|云企业网|对等连接|跨地域`),
    },
    weights: { "mtu-mismatch": 1.2, "isp-routing-loss": 0.5, "dns-resolution-failure": 0.5, "firewall-drop": 0.3 },
  },
} as const satisfies SignalDefinitions;

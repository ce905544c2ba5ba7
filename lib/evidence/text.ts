import { type EvidenceSource, makeSignal, type Signal } from "./signal";
import type { SignalId } from "./vocabulary";

const PARSER_ID = "text";

/** Same bound as the output parsers: longer lines are cut so every regex runs on bounded input. */
const MAX_LINE = 4096;
/**
 * Prose is read from the first 200,000 characters (some fifty pages): a ticket's own words come
 * first, and anything longer is pasted output, which the output parsers read in full.
 */
const MAX_TEXT = 200_000;

/**
 * Keyword rules for ticket text in English and Chinese. `en` is matched case-insensitively and also
 * finds Latin terms inside Chinese text (\b holds next to Chinese characters); `zh` holds Chinese
 * phrases. A rule may instead `find` its own match when a keyword alone is not enough.
 */
type Rule = {
  id: SignalId;
  en?: RegExp;
  zh?: RegExp;
  find?: (sentence: string) => Match | undefined;
};
type Match = { text: string; index: number };

const rx = (source: string) => new RegExp(source, "gi");

/** Delays of 5 s (or 10 s): the resolver's retry timeout, said of anything. */
const FIVE_SECOND_DELAY: Rule = {
  id: "text-5s-delay",
  en: rx(String.raw`(?<!every |after |[\d.])\b(?:5|10)[ -]?(?:s|secs?|seconds?)\b|(?<!every )\b(?:five|ten)[ -](?:secs?|seconds?)\b|\b(?:5000|10000) ?ms\b|\bexactly (?:5|five|10|ten)\b`),
  zh: rx(String.raw`(?<![\d.])(?:5|10)\s?(?:秒|s\b)|五秒|十秒`),
};

const RULES: readonly Rule[] = [
  { id: "text-timeout", en: rx(String.raw`\btim(?:e|es|ed|ing)[ -]?outs?\b|\bETIMEDOUT\b|\bdeadline exceeded\b`), zh: rx("超时") },
  // "refuses to start" is not a refused connection.
  { id: "text-refused", en: rx(String.raw`\brefus(?:e|es|ed|ing)\b(?! to\b)|\bECONNREFUSED\b`), zh: rx("拒绝|被拒") },
  {
    id: "text-reset",
    en: rx(String.raw`\breset by peer\b|\bconnections? resets?\b|\b(?:is|was|are|were|gets?|got|being|been) reset\b|\bresets\b|\bRST\b|\bECONNRESET\b`),
    zh: rx("重置|复位"),
  },
  { id: "text-5xx", find: findHttp5xx },
  {
    id: "text-slow",
    en: rx(String.raw`\bslow(?:ly|ness|er|s|ed)?\b|\blatenc(?:y|ies)\b|\bdelay(?:s|ed)?\b|\bthroughput\b|\blagg?(?:y|ing)?\b|\bstall(?:s|ed|ing)?\b|\bsluggish\b|\btakes? (?:a long time|too long|forever)\b`),
    zh: rx("慢|卡顿|卡住|很卡|卡死|变卡|延迟|延时|吞吐"),
  },
  {
    id: "text-dns",
    en: rx(
      String.raw`\bDNS\b|\bname resolution\b|\bresolv(?:e|es|ed|ing) to\b|\b(?:can't|cannot|could not|couldn't|fails? to|failed to|no longer|do not|does not|doesn't|don't|won't) (?:be )?resolved?\b|\bresolver\b|\bresolv\.conf\b|\bnslookup\b|\bdig [@+\w-]+\.|\bname lookups?\b|\bCoreDNS\b|\bkube-dns\b|\bNXDOMAIN\b|\bSERVFAIL\b|\bdomain names?\b`,
    ),
    zh: rx("域名解析|解析失败|解析不|无法解析|解析超时|解析慢|解析延|解析异常|域名"),
  },
  {
    id: "text-intermittent",
    en: rx(
      String.raw`\bintermittent(?:ly)?\b|\boccasional(?:ly)?\b|\bsometimes\b|\bsporadic(?:ally)?\b|\bfrom time to time\b|\bnow and then\b|\brandomly\b|\bflaky\b|\bflapping\b|\bnot always\b|\bone (?:time )?in (?:two|three|four|five|ten|\d+)\b|\brarely\b|\bfew requests\b|\bscattered\b|\bon and off\b|\bunstable\b`,
    ),
    zh: rx("偶发|偶尔|偶现|间歇|时好时坏|不定时|有时|时而|概率|不稳定|断断续续"),
  },
  {
    id: "text-some-clients",
    en: rx(
      String.raw`\b(?:some|certain|a few|specific|particular|individual)\s+(?:of (?:the|our)\s+)?(?:[\w-]+\s+){0,2}(?:clients?|users?|hosts?|machines?|servers?|instances?|nodes?|pods?|containers?|customers?|ips|addresses|devices|callers)\b|\bonly (?:one|this|that|a single|some|a few|certain)\s+(?:[\w-]+\s+)?(?:client|user|host|machine|server|instance|node|pod|container|customer|ip)s?\b|\bother (?:[\w-]+\s+){0,2}(?:clients|users|hosts|machines|servers|instances|nodes|pods|containers|customers)\b`,
    ),
    zh: rx("部分[^，。,；]{0,4}?(?:用户|客户端|客户|机器|主机|服务器|节点|实例|容器|终端|IP)|某些(?:用户|客户端|机器|主机|服务器|节点|实例|容器)|某台|个别|少数用户|只有一台|仅一台|其他(?:机器|主机|服务器|节点|容器|客户端)(?:都)?正常"),
  },
  {
    id: "text-nat",
    en: rx(
      String.raw`\bS?NAT\b|\bNAT gateway\b|\bmasquerad\w*|\begress IPs?\b|\bshared (?:public |egress |outbound )?IPs?\b|\bcross[- ]VPC\b|\bVPC peering\b|\b(?:another|different|other) VPCs?\b|\bin VPC \w+\b[^.]{0,80}\bVPC \w+\b`,
    ),
    zh: rx(String.raw`出口\s?IP|跨\s?VPC|地址转换|共享出口|对等连接`),
  },
  {
    id: "text-kubernetes",
    en: rx(String.raw`\bk8s\b|\bkubernetes\b|\bpods?\b|\bkubectl\b|\bkube-(?:proxy|dns|apiserver)\b|\bkubelet\b|\bCoreDNS\b|\bNodePort\b|\bClusterIP\b|\b(?:TKE|EKS|GKE|AKS)\b|\bliveness\b|\breadiness\b|\bdaemonset\b`),
    zh: rx("容器编排"),
  },
  { id: "text-container", en: rx(String.raw`\bdocker\w*|\bcontainers?\b|\bcontainerd\b|\bpodman\b|\bveth\w*`), zh: rx("容器") },
  {
    id: "text-load-balancer",
    en: rx(
      String.raw`\b(?:ELB|ALB|NLB|SLB|CLB)s?\b|\bload[- ]balanc(?:er|ers|ing)\b|\bnginx\b|\btengine\b|\bopenresty\b|\bhaproxy\b|\benvoy\b|\bLVS\b|\bF5\b|\b(?:reverse )?prox(?:y|ies)\b|\bVIP\b|\bKong\b|\b(?:API|access|application|L7|layer-7) gateway\b`,
    ),
    zh: rx("负载均衡|反向代理|代理|网关(?!错误|超时)"),
  },
  { id: "text-carrier", find: findCarrier },
  FIVE_SECOND_DELAY,
  {
    id: "text-large-transfers",
    en: rx(
      String.raw`\bpings? (?:works?|worked|is fine|ok|okay|succeeds?|succeeded|passes|goes through|is normal)\b|\b(?:large|big|bigger|larger) (?:packets?|files?|requests?|responses?|payloads?|quer(?:y|ies)|transfers?|uploads?|downloads?|bodies|body)\b|\bMTU\b|\bsmall (?:requests?|packets?|queries) (?:work|succeed|are fine)\b|\bfragment(?:ation|ed|s)?\b|\bjumbo\b`,
    ),
    zh: rx(String.raw`ping\s?(?:能|可以)?通[，,]?\s?但|ping\s?正常[，,]?\s?但|大包|大文件|大请求|大报文|大查询|分片|小的?[^。，,]{0,10}(?:都)?(?:没问题|正常|可以)[^。]{0,30}大`),
  },
  {
    id: "text-overlay",
    en: rx(String.raw`\bvxlan\b|\boverlay\b|\btunnel(?:s|ing|led|ling)?\b|\bflannel\b|\bcalico\b|\bweave\b|\bcilium\b|\bgeneve\b|\bipip\b|\bGRE\b|\bIPsec\b`),
    zh: rx("隧道|叠加网络|覆盖网络"),
  },
  {
    id: "text-after-scaling",
    en: rx(
      String.raw`\bscal(?:e|ed|es|ing)[ -](?:out|up|down|in)\b|\bautoscal\w*|\bredeploy\w*|\b(?:after|since) (?:a |the |our |each )?(?:deploy(?:ment)?|release|rollout|upgrade|update|config(?:uration)? change)\b|\brolling update\b|\broll(?:ed|ing)? ?back\b|\brollbacks?\b|\brolled out\b|\b(?:nodes?|instances?|servers?|machines?|replicas?|pods?) (?:were|was|are|got|being) added\b|\badded (?:[\w-]+ ){0,2}(?:nodes?|instances?|servers?|replicas?)\b|\bnew (?:nodes?|instances?|IPs?|IP addresses)\b|\bIPs? (?:address(?:es)? )?(?:changed?|changes)\b|\bchanged IPs?\b|\bdifferent from before\b`,
    ),
    zh: rx(String.raw`扩容|缩容|扩展|发布|上线|回滚|变更后|升级后|IP\s?变(?:化|了|更)|换了\s?IP|新(?:节点|机器|实例)|部署后`),
  },
  {
    id: "text-after-move",
    en: rx(
      String.raw`\breboot(?:ed|s|ing)?\b|\b(?:after|since) (?:a |the )?(?:restart|reboot|move|migration|relocation|maintenance|power (?:cut|outage|failure))\b|\b(?:was|were|been|got) moved\b|\bmoved (?:to|from)\b|\b(?:new|another|different) (?:data ?cent(?:er|re)|DC|rack|site|switch)\b|\bhardware (?:change|replacement|swap|failure)\b|\bwas repaired\b|\b(?:after|since) [\w' ]{0,30}?\bmaintenance\b|\bmaintenance window\b`,
    ),
    zh: rx("搬迁|迁移后|重启后|重启之后|(?:换|搬)了?机房|机房(?:搬迁|迁移|割接)|更换(?:硬件|网卡|交换机|服务器)|硬件(?:更换|故障)|断电|割接|维护后"),
  },
  {
    id: "text-wrong-response",
    en: rx(
      String.raw`\bwrong (?:response|service|server|backend|host|result|data|address|IP|place|destination)s?\b|\bunrelated (?:response|content)s?\b|\bnothing to do with the request\b|\bhijack(?:ed|ing|s)?\b|\bunexpected (?:response|address|IP|host|server|backend)s?\b|\bunfamiliar (?:[\w-]+ )?(?:address|IP|host|server)\b|\bgoes to the wrong\b|\bnever reach (?:them|us|the service)\b|\bWelcome to nginx\b|\b(?:default|placeholder) (?:page|site|vhost)\b|\b(?:never|don't|do not|doesn't) (?:show up|appear) in (?:the |our )?(?:service|app|application)(?:'s)? logs?\b`,
    ),
    zh: rx("返回错误(?!码|信息|提示)|返回了错误的|返回内容不对|响应不对|串了|串号|劫持|错误的(?:服务|响应|结果|地址)|不相关的(?:响应|内容)|数据(?:跟|和|与)[^。，,]{0,12}不一样|连到了?(?:另一|别的)|(?:日志|access\\s?log)里(?:也)?(?:看不到|没有)[^。]{0,10}请求|返回的是[^。]{0,20}(?:页面|默认页)"),
  },
  {
    id: "text-high-load",
    en: rx(
      String.raw`\bhigh (?:CPU|load|softirq)\b|\bCPU (?:usage |load |utili[sz]ation )?(?:is |was |goes |went |at )?(?:very )?(?:high|100 ?%|saturated|maxed|pegged)|\bCPU (?:graph|usage) (?:was |is )?(?:full of )?spikes\b|\bload average\b|\bsoftirq\b|\bksoftirqd\b|\bload (?:is |was )?(?:very )?high\b|\bheavy load\b`,
    ),
    zh: rx(String.raw`CPU\s?(?:使用率|占用|利用率)?\s?(?:很|非常|过)?高|CPU\s?(?:打满|跑满|100%)|软中断|负载(?:很|非常|过)?高|高负载|毛刺`),
  },
  {
    id: "text-burst",
    en: rx(
      String.raw`\bload[- ]test(?:s|ing|ed)?\b|\bstress[- ]test\w*|\bbenchmark\w*|\bbursts?\b|\bbursty\b|\btraffic spik\w+|\bspikes? in (?:traffic|connections|requests)\b|\b(?:high|heavy|peak) (?:traffic|concurrency)\b|\btraffic (?:is|was) (?:heavy|high)\b|\bpeak (?:hours?|time)\b|\bconnections per second\b|\bCPS\b`,
    ),
    zh: rx("压测|压力测试|突发|高并发|并发(?:量)?(?:高|大)|流量(?:突增|激增|高峰)|峰值|高峰"),
  },
  {
    id: "text-keepalive",
    en: rx(String.raw`\bkeep[- ]?alives?\b|\bpersistent connections?\b|\blong[- ]lived connections?\b|\bconnection pool(?:s|ing)?\b|\bidle (?:connections?|timeouts?|sockets?)\b|\bidle_timeout\b|\breuses? (?:the )?connections?\b`),
    zh: rx("长连接|空闲连接|连接池|保活|连接复用"),
  },
  { id: "text-tool-doubt", find: findToolDoubt },
  { id: "text-udp", en: rx(String.raw`\bUDP\b`) },
  {
    id: "text-conn-limit",
    en: rx(
      String.raw`\bconn(?:ection)?s? (?:limit|cap|count|quota)s?\b|\bmax(?:imum)?[ _-]?conn(?:ection)?s?\b|\bmaxclients\b|\btoo many connections\b|\bnumber of (?:tcp |open |concurrent )?connections\b|\bconcurrent connections\b|\bLimitListener\b`,
    ),
    zh: rx("连接数|连接上限|最大连接|连接满|连接耗尽"),
  },

  // Manifestations of causes outside the network path.
  {
    id: "text-permission-denied",
    en: rx(String.raw`\bpermission denied\b|\bumask\b|\bEACCES\b|\bnot permitted\b|\bfile (?:modes?|permissions?)\b|\bpermissions? (?:problems?|issues?|errors?)\b|\b(?:unexpected|wrong|bad) permissions\b`), zh: rx("权限不够|权限不足|没有权限|无权限|权限错误") },
  {
    id: "text-env-missing",
    en: rx(String.raw`\bcommand not found\b|\benvironment variables?\b|\b\$?PATH\b(?= (?:is|was|lacks|missing|variable))|\bnot in (?:the )?PATH\b|\bmodprobe\b`),
    zh: rx("环境变量|找不到命令|命令不存在"),
  },
  {
    id: "text-scheduler-resources",
    en: rx(String.raw`\binsufficient (?:resources?|cpu|memory)\b|\bplacement constraints?\b|\b(?:scheduled|placed|co-?located|landed) on the same (?:node|host)\b|\bnoisy neighbou?rs?\b|\bCPU throttl\w+|\bthrottl(?:ed|ing) (?:by (?:the )?)?(?:CFS|cgroup|CPU quota)\b|\bCFS quota\b|\bcpu\.cfs_quota_us\b|\bnr_throttled\b|\bGOMAXPROCS\b|\bnot enough resources\b|\bno resources available\b|\bcpu[- ]shares\b|\bInsufficient (?:cpu|memory)\b|\bfailed to schedule\b|\bunschedulable\b`),
    zh: rx(String.raw`资源不足|调度失败|无法调度|CPU\s?限流|CPU\s?被限制|节流|调度到了?同一台|混部|资源争抢|抢占\s?CPU`),
  },
  {
    id: "text-log-flood",
    en: rx(String.raw`\b(?:logs?|log files?) (?:fill(?:s|ed|ing)?|flood(?:s|ed|ing)?|blow(?:s|ing)? up|eat(?:s|ing)?) (?:up )?(?:the )?disk\b|\bdisk (?:is |was )?full\b|\b\d+ ?[GT]B of (?:exception |error )?logs?\b|\blog storm\b`),
    zh: rx("日志(?:打爆|写满|占满|撑爆)|磁盘(?:打爆|写满|占满|满了)|打爆磁盘"),
  },
  {
    id: "text-config-no-effect",
    en: rx(String.raw`\b(?:edit(?:ing|ed)?|chang(?:e|ed|ing)|modif(?:y|ied|ying)) (?:the )?(?:config(?:uration)?|file|settings?)[^.]{0,40}\b(?:no effect|did not help|didn't help|does not take effect|is ignored)\b`),
    zh: rx("修改(?:配置|文件)?(?:后)?(?:不生效|没有效果|无效)|配置不生效"),
  },
  {
    id: "text-endpoint-missing",
    en: rx(String.raw`\bnet-alias\b|\b(?:DNS )?(?:records?|CNAME|DNS entry) (?:was |were |got )?(?:deleted|removed)\b|\bAction=DELETE\b|\bderegister(?:ed|s|ing)?\b|\b(?:services?|svc|endpoints?)\b[^.]{0,30}\bnot found\b|\b(?:gone|removed|missing|disappeared) from (?:the )?(?:catalog|registry|service discovery|Consul|Eureka|Nacos)\b|\b(?:alias|endpoint|service registration|registration)s? (?:no longer|cannot be|can't be|could not be|are not|is not) (?:resolv\w*|found|reachable)\b|\bendpoints? (?:was |were |got )?(?:deleted|removed|lost)\b`),
    zh: rx(String.raw`别名解析不到|域名解析不到|服务注册(?:丢失|消失)|endpoint\s?(?:被删除|丢失)|服务(?:被)?(?:注销|摘除|删掉了|删除了)|(?:记录|CNAME)(?:被)?(?:删除|删掉)|Action=DELETE|注册中心(?:里)?(?:没有|找不到)`),
  },
  {
    id: "text-process-gone",
    en: rx(String.raw`\bprocess(?:es)? (?:disappear(?:s|ed)?|vanish(?:es|ed)?|(?:was |were |got |is )?killed|exit(?:s|ed)?|died|is gone|went away)\b|\b(?:disappears?|vanished) after\b`),
    zh: rx("进程(?:不见了|消失|没了|被杀|退出)|被杀掉"),
  },
  {
    id: "text-threads-pile-up",
    en: rx(String.raw`\bthreads? (?:pile[sd]? up|piling up|pool (?:is )?(?:exhausted|full))\b|\b(?:thread|goroutine|worker) (?:count|leak)s?\b|\bgoroutines?\b|\binterrupt(?:s|ed|ing)? (?:the |all |every )?threads?\b|(?<!NETDEV )\bwatchdog\b|\bthread dump\b|\bpool (?:is )?exhausted\b|\bjstack\b|\bTIMED_WAITING\b|\bevent loop (?:is |was |gets |got )?(?:blocked|stalled|stuck)\b|\bblock(?:s|ed|ing)? the event loop\b|\b(?:full|long) GCs?\b|\bGC pauses?\b|\bstop-the-world\b`),
    zh: rx("线程(?:堆积|数暴涨|池满|池耗尽|泄漏)|协程(?:堆积|泄漏)|(?<!NETDEV\s?)看门狗|中断线程|事件循环(?:阻塞|卡住)|Full\\s?GC|GC\\s?停顿"),
  },
  {
    id: "text-retransmission",
    en: rx(String.raw`\bretransmi(?:t|ts|tted|ssions?)\b|\bdup(?:licate)? ?acks?\b|\bhead[- ]of[- ]line\b|\bHOL blocking\b|\bpacket loss\b`),
    zh: rx("重传|丢包|队头阻塞"),
  },
  {
    id: "text-kernel",
    en: rx(String.raw`\bkernel (?:bug|regression|upgrade|update|patch|panic|crash|oops)(?:e?s)?\b|\b(?:upgrad(?:e|ed|ing)|patch(?:ed)?|updat(?:e|ed|ing)) (?:the )?kernel\b|\b(?:after|since) (?:a |the )?kernel\b|\bnew(?:er)? kernel\b|\bkernel\b[^.]{0,40}?\b(?:upgraded?|updated?|bumped|moved) (?:from|to)\b|\b(?:roll(?:ed|ing)? back|revert(?:ed|ing)?|downgrad(?:e|ed|ing)) (?:to )?(?:the )?(?:old|previous|earlier|prior) kernel\b`),
    zh: rx(String.raw`内核(?:bug|缺陷|升级|问题|更新)|升级(?:了)?内核|新内核|内核从?[^。]{0,30}(?:升到|升级到|升级为|换成)|(?:回退|降级)[^。]{0,10}内核|内核回退`),
  },
  // A version alone is context: most tickets name their kernel.
  { id: "text-kernel-version", en: rx(String.raw`\b(?:3|4|5|6)\.\d+\.\d+-\d+\S*|\bkernel (?:version )?(?:3|4|5|6)\.\d+\b`), zh: rx(String.raw`内核(?:版本)?\s?(?:3|4|5|6)\.\d+`) },
  {
    id: "text-http-204",
    en: rx(String.raw`\b(?:HTTP )?[23]04\b[^.]{0,80}\bContent-Length\b|\bContent-Length\b[^.]{0,80}\b(?:204|304)\b`),
  },
  {
    id: "text-lock-contention",
    en: rx(String.raw`\block contention\b|\bcontend(?:s|ing)? (?:on|for) (?:a |the )?lock\b|\b_raw_spin_lock\w*|\bqueued_spin_lock_slowpath\b|\binet_csk_accept\b|\baccept_mutex\b|\b(?:SO_)?REUSEPORT\b|\b(?:cannot|can't|could not|couldn't|fails? to|unable to) saturate\b|\b(?:one|a single|the same) (?:UDP |TCP )?(?:socket|connection|fd)\b[^.]{0,60}\b(?:shared|all|every)\b|\b(?:all|every|many|\d+) (?:[\w()-]+ ){0,5}(?:on|from) (?:one|a single|the same) (?:bound |listening )?(?:UDP |TCP )?(?:socket|listener|fd)\b|\bfutex\b`),
    zh: rx("锁竞争|锁争用|跑不满\s?CPU|压不满"),
  },
  { id: "text-ipv6", en: rx(String.raw`\bAAAA\b|\bIPv6\b`) },
  {
    id: "text-probe-fails",
    en: rx(String.raw`\b(?:liveness|readiness|health)[- ]?(?:check|probe)s? (?:fail\w*|time\w* out)\b|\bfail(?:s|ed|ing)? (?:the |its )?(?:liveness|readiness|health)[- ]?(?:checks?|probes?)\b`),
    zh: rx("(?:存活|健康|就绪)(?:检查|探测|探针)(?:失败|超时)"),
  },
  {
    id: "text-firewall",
    en: rx(String.raw`\bfirewalls?\b|\bsecurity groups?\b|\bnetwork ACLs?\b|\bNACLs?\b|\bACL\b`),
    zh: rx("防火墙|安全组|访问控制"),
  },
  {
    id: "text-port-range",
    en: rx(String.raw`\bip_local_port_range\b|\bephemeral ports?\b|\blocal ports?\b|\bsource ports? (?:range|exhaust\w*)\b|\bport exhaustion\b|\b(?:even|odd)[- ](?:numbered )?(?:local |source )?ports?\b`),
    zh: rx("端口耗尽|本地端口|源端口|临时端口|奇数端口|偶数端口"),
  },
  {
    id: "ping-ok",
    en: rx(String.raw`\b(?:can|could) (?:still )?ping\b|\banswers? (?:to )?pings?\b|\bpings?\b[^.,;]{0,40}?\b(?:works?|worked|succeeds?|succeeded|is fine|is ok|is normal|goes through|gets replies)\b`), zh: rx("能\s?ping\s?通|可以\s?ping\s?通|ping\s?(?:能|可以)?通") },
  { id: "dns-timeout", en: rx(String.raw`\b(?:nslookup|dig)\b[^.]{0,60}?\b(?:request )?tim(?:e|ed|es) ?out\b`), zh: rx("nslookup\\s?(?:解析)?(?:超时|请求超时)") },
  {
    id: "text-response-but-waits",
    en: rx(String.raw`\b(?:response|reply|answer) (?:is on the wire|arrives?|arrived|comes? back|came back)\b[^.]{0,80}?\b(?:client|caller|application)\b[^.]{0,30}?\b(?:waits?|waiting|hangs?|keeps)\b|\bwaits? (?:until|till) (?:its |the )?timeout\b`),
    zh: rx("响应(?:已经|早就)?(?:到了|返回了)[^。]{0,20}(?:还在等|一直等|等到超时)"),
  },
  {
    id: "text-stall-together",
    en: rx(String.raw`\b(?:stall|stalls|stalled|delayed|slow|complete|completed|finish|finished|recover|recovers)\b (?:all )?(?:together|at (?:the same (?:time|instant|moment)|once))\b|\b(?:several|multiple|many) requests\b[^.]{0,60}?\b(?:sharing|on) (?:a|one|the same) connection\b`),
    zh: rx("同时卡住|一起卡住|一起返回|队头阻塞"),
  },
  {
    id: "text-window-limited",
    en: rx(String.raw`\b(?:receive |TCP )?window (?:is |was |stays? |stayed )?(?:full|nearly full|small|capped|limited)\b|\bwindow scal(?:e|ing)\b|\bwscale\b|\b(?:tops? out|capped|plateaus?) (?:at |around )?(?:about )?\d+ ?[MK]bps\b`),
    zh: rx("窗口(?:满|打满|太小)|窗口缩放"),
  },
  {
    id: "text-direct-and-vip",
    en: rx(String.raw`\bboth (?:directly|direct)\b[^.]{0,60}?\b(?:VIP|load balancer|SLB|ELB)\b|\b(?:VIP|load balancer|SLB|ELB)\b[^.]{0,60}?\band (?:also )?directly\b|\bdirectly (?:to|on) the (?:backend|RS|real server)s?\b[^.]{0,60}?\b(?:and|as well as) (?:through|via) the (?:VIP|load balancer|SLB)\b|\b(?:through|via) the (?:NLB|ALB|ELB|SLB|CLB|VIP|load balancer)\b[^.]{0,120}?\bdirectly\b|\bdirectly\b[^.]{0,120}?\b(?:through|via) the (?:NLB|ALB|ELB|SLB|CLB|VIP|load balancer)\b`),
    zh: rx(String.raw`既(?:通过|走)[^。]{0,10}(?:VIP|SLB|CLB|ELB|负载均衡)[^。]{0,40}又[^。]{0,20}直(?:接|连)|同时(?:直连|直接访问)`),
  },
  {
    id: "text-ip-conflict",
    en: rx(String.raw`\bIP (?:address )?conflicts?\b|\bduplicate (?:IP|address)(?:es)?\b|\baddress conflicts?\b|\bsame IP\b[^.]{0,40}?\b(?:two|another|other) (?:hosts?|machines?|servers?|containers?)\b|\bMAC\b[^.]{0,30}?\b(?:keeps?|kept) (?:chang|flipp|flapp|alternat|switch)\w*|\bMAC\b[^.]{0,30}?\b(?:flipp|flapp|alternat)\w*|\bMAC[- ]?(?:moves?|flaps?|flapping)\b`),
    zh: rx(String.raw`IP\s?冲突|地址冲突|IP\s?重复|重复的?\s?IP|MAC\s?(?:地址)?(?:一直|不停|来回)?(?:变|切换|漂移|跳)|ARP\s?(?:冲突|漂移)`),
  },
  {
    id: "two-macs-one-ip",
    en: rx(String.raw`\btwo (?:different )?MACs?(?: addresses)?\b[^.]{0,40}?\b(?:one|the same|a single) IP\b|\b(?:one|the same) IP\b[^.]{0,40}?\btwo (?:different )?MACs?\b`),
    zh: rx("(?:同一个?|一个)\\s?IP[^。，]{0,10}(?:两个|2个|多个)\\s?MAC"),
  },
  {
    id: "upstream-old-ip",
    en: rx(String.raw`\b(?:old|stale|previous|former|outdated) (?:IPs?|IP addresses|addresses|backend IPs?)\b|\bcached (?:DNS|IPs?)\b`),
    zh: rx("旧的?(?:那个|那些)?\\s?IP|老的?(?:那个|那些)?\\s?IP|旧地址|缓存的?\\s?IP"),
  },
  { id: "dns-tcp-ok", en: rx(String.raw`\bdig \+tcp\b[^.]{0,40}\b(?:works?|succeeds?|answers?|returns?)\b|\bover TCP (?:works?|succeeds?)\b`) },
  { id: "inet-hash-connect-hot", en: rx(String.raw`\binet_hash_connect\b|\b__inet_check_established\b`) },
  { id: "inet-lookup-listener-hot", en: rx(String.raw`\b__inet_lookup_listener\b`) },

  // Counters, states and settings named in prose, as an engineer reports what they saw.
  { id: "listen-overflows", en: rx(String.raw`\b(?:TcpExt)?ListenOverflows\b|\btimes the listen queue of a socket overflowed\b|\baccept queue (?:overflow(?:s|ed|ing)?|(?:is |was )?full)\b`), zh: rx("全连接队列(?:溢出|满|打满)|accept\\s?队列(?:溢出|满)") },
  { id: "listen-drops", en: rx(String.raw`\b(?:TcpExt)?ListenDrops\b|\bSYNs to LISTEN sockets dropped\b`) },
  { id: "paws-passive-rejected", en: rx(String.raw`\b(?:TcpExt)?PAWSPassive\b|\brejected because of time ?stamps?\b`) },
  { id: "conntrack-insert-failed", en: rx(String.raw`\binsert_failed\b`) },
  { id: "conntrack-table-full-log", en: rx(String.raw`\bnf_conntrack: table full\b|\bconntrack table (?:is |was )?full\b`), zh: rx("conntrack\\s?表(?:已)?满|连接跟踪表(?:已)?满") },
  { id: "conntrack-near-max", find: findConntrackPinned },
  { id: "syn-flood-log", en: rx(String.raw`\bPossible SYN flooding\b|\bSYN flood(?:s|ing)?\b`), zh: rx("SYN\\s?(?:泛洪|洪水|攻击)") },
  { id: "many-syn-recv", find: (sentence) => findPileUp(sentence, SYN_RECV) },
  { id: "accept-queue-full", find: findQueueAtBacklog },
  { id: "syncookies-off", find: (sentence) => findSetting(sentence, /\btcp_syncookies\b/i, OFF) },
  { id: "window-scaling-off", find: (sentence) => findSetting(sentence, /\btcp_window_scaling\b/i, OFF) },
  { id: "text-tw-recycle", find: findTwRecycleNamed },
  { id: "dns-slow-5s", find: findDnsDelay },
  {
    id: "text-dns-cached",
    en: rx(
      String.raw`\b(?:JVM|Java|app(?:lication)?|client|process|nginx|proxy|runtime)(?:'s)? (?:DNS|resolver|name) cach(?:e|es|ing)\b|\bnetworkaddress\.cache\.ttl\b|\binetaddr\.ttl\b|\bresolv(?:es|ed|ing) (?:the )?(?:host ?names?|names?|domains?|upstreams?) (?:only )?once\b|\bcach(?:es|ed|ing) (?:the )?(?:DNS|resolved (?:IPs?|addresses))\b|\b(?:keeps?|kept|still) (?:connecting|sending|going|talking) to the (?:old|previous|former|stale)\b`,
    ),
    zh: rx(String.raw`DNS\s?缓存|解析缓存|缓存了?(?:旧的?)?\s?(?:IP|地址|解析结果)|只解析一次|启动时(?:才)?解析`),
  },
  {
    id: "text-resolver-config",
    en: rx(
      String.raw`\bresolv\.conf\b[^.]{0,80}?\b(?:overwritten|rewritten|replaced|modified|changed|no longer|regular file|not a symlink|unknown|unrecogni[sz]ed|injected|extra|wrong)\b|\bnameservers? (?:we|nobody|no one) (?:don't|do not|doesn't) (?:recogni[sz]e|know)\b|\b(?:unknown|unrecogni[sz]ed|wrong|stale|extra|injected|dead|unreachable) (?:DNS |name ?)?servers?\b|\boptions rotate\b`,
    ),
    zh: rx(String.raw`resolv\.conf\s?(?:被)?(?:改|覆盖|修改|重写|替换)|(?:陌生|未知|不认识|多了|多出|多余)的?[^。]{0,6}(?:nameserver|DNS\s?服务器)`),
  },
  {
    id: "text-fraction-fails",
    en: rx(
      String.raw`\b(?:a third|one third|a quarter|one quarter|two thirds|1/[2-4]|one in (?:two|three|four)|(?:25|33|50) ?%) of (?:the |all |our )?(?:new )?(?:connections|requests|connects|calls|attempts)\b|\b(?:one|1) of (?:the |its |our )?(?:two|three|four|five|[2-9]) (?:[\w-]+ ){0,2}(?:IPs|IP addresses|addresses|nodes|instances|backends|VIPs)\b`,
    ),
    zh: rx(String.raw`三分之一|四分之一|一半的?新?(?:连接|请求|流量)|其中一个\s?(?:IP|地址|节点)|某一个\s?(?:IP|地址|节点)`),
  },
  {
    id: "text-single-stream-capped",
    en: rx(
      String.raw`\bsingle[- ](?:stream|flow|connection|TCP connection|transfer)\b[^.]{0,80}?\b(?:capped|only|limited|stuck|tops? out|plateaus?|never (?:exceeds|goes above))\b|\b(?:parallel|multiple|concurrent) (?:streams|connections|flows|transfers)\b[^.]{0,60}?\b(?:scales?|linear(?:ly)?|adds? up|multipl\w+)\b`,
    ),
    zh: rx(String.raw`单(?:流|连接|线程|个连接|条连接)[^。，,]{0,20}(?:只有|只能|卡在|上不去|最多)|(?:并发|多线程|多流|多个连接)[^。]{0,30}线性`),
  },
  {
    id: "text-offload",
    en: rx(String.raw`\b(?:bad|incorrect|wrong|invalid) (?:TCP |IP |UDP )?checksums?\b|\bcksum\b[^.]{0,30}\bincorrect\b|\b(?:TSO|GSO|GRO|LRO)\b|\b(?:segmentation|receive|checksum) offload\w*`),
    zh: rx(String.raw`校验和(?:错误|不对)|checksum\s?(?:错误|不对)|网卡卸载`),
  },
  {
    id: "text-endpoint-config",
    en: rx(
      String.raw`\b(?:bootstrap\.servers|sentinels?|seed (?:nodes|hosts|list)|connect(?:ion)? strings?|endpoints? list|hosts? list|broker list)\b[^.]{0,100}?\b(?:old|stale|decommissioned|retired|test|staging|wrong|empty|typo|leftover|removed|no longer exists?)\b|\b(?:decommissioned|retired|test|staging|leftover) (?:broker|endpoint|node|server|host|cluster)s?\b[^.]{0,60}?\b(?:config|list|still)\b`,
    ),
    zh: rx(String.raw`(?:配置|地址列表|bootstrap|连接串)[^。]{0,40}(?:测试(?:环境|网段|集群)|已经下线|下线的|旧的|空的|写错)|(?:测试|下线)[^。]{0,12}(?:地址|broker|节点)[^。]{0,20}(?:没删|还在)`),
  },
  {
    id: "softirq-hot-cpu",
    en: rx(String.raw`\bksoftirqd/\d+\b[^.]{0,40}?\b(?:100 ?%|pegged|saturated|maxed)|\b(?:one|a single|two|2) (?:CPU|core)s?\b[^.]{0,40}?\b(?:100 ?%|pegged|saturated|maxed)\b[^.]{0,60}?\b(?:others?|rest)\b[^.]{0,30}?\bidle\b`),
    zh: rx(String.raw`ksoftirqd/?\d*[^。]{0,24}100\s?%|(?:一个|单个|两个|个别)\s?(?:CPU|核)[^。]{0,20}(?:100\s?%|打满|跑满)`),
  },
  {
    id: "text-dead-peers",
    en: rx(
      String.raw`\b(?:connections?|ESTABLISHED)\b[^.]{0,80}?\b(?:from|of|belong(?:s|ing)? to) (?:clients?|pods?|devices?|hosts?|peers?) (?:that|which) (?:were|are|have been|had been) (?:deleted|gone|dead|offline|terminated|removed)\b|\bSO_KEEPALIVE\b|\bzombie connections?\b|\bhalf-open connections?\b|\bdead (?:peers?|clients?|connections?)\b`,
    ),
    zh: rx(String.raw`僵尸连接|死连接|半开连接|(?:一直|仍然|还是)\s?(?:是)?\s?ESTABLISHED|SO_KEEPALIVE|没有?(?:应用层)?心跳`),
  },
  {
    id: "text-rst-not-from-server",
    en: rx(
      String.raw`\b(?:server|target|backend|broker|host|destination)(?:'s)? (?:side )?(?:capture )?(?:never|didn't|did not|does not|doesn't) (?:see|sees|saw|receive[sd]?|gets?|got|shows?|showed) (?:the|any|a|those|these) SYNs?\b|\bRSTs? (?:comes?|came|arrives?|arrived) (?:back )?(?:within|in|after) (?:under |less than )?(?:a |1 |one )?(?:\d+ )?(?:ms|millisecond)`,
    ),
    zh: rx(String.raw`(?:没|未)有?(?:看到|收到|抓到)[^。，,]{0,12}SYN|SYN[^。]{0,20}(?:1\s?毫秒|1\s?ms)[^。]{0,6}(?:就)?收到[^。]{0,4}RST`),
  },
  { id: "nic-rx-drops", en: rx(String.raw`\bNodeNetworkReceiveDrops\b|\bdropping received packets\b|\breceive[_ ]drop(?:s|_total)\b|\brx[_ ]drop(?:s|ped)\b`), zh: rx("网卡(?:接收)?丢包|rx\\s?丢包") },
  { id: "softnet-squeeze", en: rx(String.raw`\btime_squeeze\b`) },
  { id: "rx-queue-imbalance", en: rx(String.raw`\birqbalance\b[^.]{0,20}?\b(?:masked|off|disabled|stopped|not running|inactive)\b|\b(?:all|most) (?:the )?(?:interrupts|IRQs)\b[^.]{0,30}?\b(?:one|a single|the same) (?:CPU|core)\b`), zh: rx(String.raw`irqbalance[^。]{0,10}(?:关|停|禁用|没开)|中断(?:都|全)在[^。]{0,6}(?:一个|同一个?)\s?(?:核|CPU)`) },
  {
    id: "text-leftover-rules",
    en: rx(String.raw`\b(?:leftover|left-over|stale|orphan(?:ed)?) (?:iptables |NAT |CNI |docker |kube-proxy )?(?:rules?|chains?)\b|\bkubeadm reset\b|\b(?:no longer|not) a (?:k8s|kubernetes) node\b|\b(?:used to be|was once|formerly) a (?:k8s|kubernetes) node\b`),
    zh: rx(String.raw`以前是\s?(?:k8s|kubernetes|K8s|K8S)\s?节点|残留的?(?:iptables|规则|链|CNI)|kubeadm reset`),
  },
  {
    id: "text-tool-wrapped",
    en: rx(String.raw`\bwrapper (?:script )?(?:around|for|of|shadows?)\b|\b(?:is )?aliased to\b|\bshadow(?:s|ed|ing) (?:the )?(?:real |system )?\w+ (?:binary|command)\b|\b\w+ is /usr/local/bin/\w+`),
    zh: rx(String.raw`(?:包装|封装)(?:的)?脚本|alias\s?(?:成|为|到)|被[^。]{0,6}替换了?(?:命令|二进制)`),
  },
  { id: "text-port-forward", en: /\b[Pp]ort[- ]?forward\w*|\bDNAT\b|\bREDIRECT\b|\biptables -t nat\b/g, zh: rx("端口转发|转发(?:规则|配置)|[“\"]转发[”\"]") },

  // Error strings quoted in the ticket.
  { id: "conn-refused", en: rx(String.raw`\bconnection refused\b`) },
  { id: "conn-timeout", en: rx(String.raw`\bconnect(?:ion)? timed out\b`) },
  { id: "conn-reset", en: rx(String.raw`\bconnection reset by peer\b`) },
  { id: "too-many-open-files", en: rx(String.raw`\btoo many open files\b`) },
  { id: "cannot-assign-address", en: rx(String.raw`\bcannot assign requested address\b`) },
  { id: "upstream-no-live", en: rx(String.raw`\bno live upstreams\b`) },
  { id: "musl-libc", en: rx(String.raw`\balpine\b|\bmusl\b`) },
  { id: "many-close-wait", find: (sentence) => findPileUp(sentence, CLOSE_WAIT) },
  { id: "many-fin-wait2", find: (sentence) => findPileUp(sentence, FIN_WAIT2) },
  { id: "many-time-wait", find: (sentence) => findPileUp(sentence, TIME_WAIT) },
  { id: "tw-recycle-on", find: findTwRecycleOn },
];

// ---- negation -----------------------------------------------------------------------------------

/** English cues within four words before a keyword: "not a timeout", "no 502", "never refused". */
const EN_NEGATION = new Set(["not", "no", "never", "without", "isn't", "wasn't", "aren't", "weren't", "doesn't", "didn't", "don't", "hasn't", "haven't", "hadn't", "nor", "neither", "excluding", "except"]);
/**
 * Chinese cues right before a keyword, optionally with a filler word: "没有超时", "没有出现超时",
 * "并非 DNS", "不慢". 无法 ("unable to"), 没响应 ("no response") and 时不时 ("now and then") are not.
 */
const ZH_NEGATION = /(?:没有|没|并非|不是|并没有|未见|未发现|未出现|排除|无(?!法))\s*(?:(?:出现|发现|遇到|看到|任何|明显|再|过|有)\s*)?$|(?<!时)不\s*$/;
/** Where a negation stops applying. */
const CLAUSE_BREAK = /[,;:()，；：]|\b(?:but|yet|while|although|however|whereas)\b|但|却/gi;

/** Negations that follow the keyword: "DNS was ruled out", "DNS 没问题". */
const NEGATION_AFTER = /^[^,;:，；：]{0,20}?(?:\b(?:ruled out|excluded|(?:is|was) not the (?:cause|problem|issue))\b|没有?问题|已排除|排除了)/i;

function isNegated(sentence: string, index: number, length: number): boolean {
  const before = sentence.slice(Math.max(0, index - 60), index);
  let clauseStart = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) clauseStart = (match.index ?? 0) + match[0].length;
  const clause = before.slice(clauseStart);
  if (ZH_NEGATION.test(clause) || /\brul(?:e|ed) out\b/i.test(clause)) return true;
  // Four words reach across a short list: "no packet loss or retransmissions".
  const words = clause.toLowerCase().split(/[^a-z']+/).filter(Boolean).slice(-4);
  return words.some((word) => EN_NEGATION.has(word)) || NEGATION_AFTER.test(sentence.slice(index + length, index + length + 60));
}

/** The first match that is not negated. Patterns are global and shared, so lastIndex is reset here. */
function firstAffirmed(sentence: string, pattern: RegExp): Match | undefined {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
    if (!isNegated(sentence, match.index, match[0].length)) return { text: match[0], index: match.index };
  }
  return undefined;
}

// ---- rules that need more than a keyword --------------------------------------------------------

const STATUS_PHRASES = rx(String.raw`\b5xx\b|\bbad gateway\b|\bgateway time-?out\b|\bservice unavailable\b|\binternal server error\b|网关错误|网关超时`);
const STATUS_NUMBER = /(?<![\d.])50[0-4](?:s\b)?(?![\d.])/g;
const STATUS_CONTEXT = /error|status|code|response|return|http|alert|gateway|报错|错误|返回|状态码|告警/i;
/** A unit after the number makes it a quantity: "500 GB", "502ms", "504 个". */
const QUANTITY_UNIT = /^\s?(?:[a-z%]|个|台|次|条|人|毫秒|秒|兆|万)/i;

/**
 * 500-504 count as HTTP statuses next to an HTTP word ("502 errors", "returned 500"), as "502s",
 * or, for the gateway codes 502 and 504, alone unless a unit follows.
 */
function findHttp5xx(sentence: string): Match | undefined {
  const phrase = firstAffirmed(sentence, STATUS_PHRASES);
  if (phrase) return phrase;
  STATUS_NUMBER.lastIndex = 0;
  for (let match = STATUS_NUMBER.exec(sentence); match; match = STATUS_NUMBER.exec(sentence)) {
    const index = match.index;
    const end = index + match[0].length;
    const around = sentence.slice(Math.max(0, index - 25), end + 25);
    const gatewayCode = (match[0] === "502" || match[0] === "504") && !QUANTITY_UNIT.test(sentence.slice(end, end + 3));
    if ((match[0].endsWith("s") || gatewayCode || STATUS_CONTEXT.test(around)) && !isNegated(sentence, index, match[0].length)) {
      return { text: match[0], index };
    }
  }
  return undefined;
}

const CARRIER_WORDS = rx(
  String.raw`\bChina (?:Mobile|Unicom|Telecom|Tietong)\b|\bCMCC\b|\bTietong\b|(?<!no )\bcarriers?\b(?! (?:lost|down|detect))|\bISPs?\b|\b(?:some|certain|specific|particular|other) (?:regions|provinces|countries|cities)\b|\boverseas\b|\babroad\b|\bAS ?\d{3,6}\b|\bbackbone\b|\bcross-border\b|\binternational (?:links?|egress|circuits?|transit)\b|\bevening peak\b|\bin (?:Ireland|Japan|Singapore|India|Germany|France|Brazil|Australia|Canada|Korea|Europe|the US|the UK|Hong Kong|Taiwan|Vietnam|Indonesia|Malaysia|Thailand|Russia)\b`,
);
/** "users in Tianjin", "most of them in Fuzhou": a capitalised place after the affected people. */
const CARRIER_PLACE = /\b(?:[Uu]sers?|[Cc]lients?|[Cc]ustomers?|them) (?:in|from) (?!The\b)[A-Z][a-z]{2,}/g;
const CARRIER_ZH = rx("中国(?:移动|联通|电信)|(?:移动|联通|电信|铁通)(?:用户|网络|宽带|线路|出口|运营商|4G|5G)|铁通|运营商|海外|国外|地区|省份|晚高峰|骨干|跨境|国际(?:出口|链路|专线)|AS\\s?\\d{3,}");

function findCarrier(sentence: string): Match | undefined {
  return firstAffirmed(sentence, CARRIER_WORDS) ?? firstAffirmed(sentence, CARRIER_PLACE) ?? firstAffirmed(sentence, CARRIER_ZH);
}

const TOOLS = /\b(?:ping|telnet|nc|ncat|netcat|curl|wget|nslookup|dig|browser|nmap|mtr|traceroute|redis-cli)\b|浏览器/gi;
const CONTRAST = /\b(?:but|while|yet|whereas|however|although)\b|但|却|而/i;
const TOOL_FAILS_BUT = rx(
  String.raw`(?:telnet|ping|nc|curl)\s?(?:不通|失败)[，,]?\s?但|\b(?:one|a) tool\b|\banother tool\b|\b(?:looks?|looked|seems?|seemed|is|was|are|were) (?:normal|fine|ok|okay|reachable)\b[^.]{0,60}\b(?:yet|but)\b[^.]{0,60}\b(?:telnet|ping|nc|curl|nslookup|dig)\b`,
);

/** Two different tools in one sentence with a contrast: "ping works but nslookup fails". */
function findToolDoubt(sentence: string): Match | undefined {
  const explicit = firstAffirmed(sentence, TOOL_FAILS_BUT);
  if (explicit) return explicit;
  if (!CONTRAST.test(sentence)) return undefined;
  const tools = new Map<string, number>();
  for (const match of sentence.matchAll(TOOLS)) tools.set(match[0].toLowerCase(), tools.get(match[0].toLowerCase()) ?? match.index ?? 0);
  if (tools.size < 2) return undefined;
  const [first] = [...tools];
  return { text: [...tools.keys()].join(" / "), index: first[1] };
}

const CLOSE_WAIT = rx(String.raw`\bCLOSE[_-]?WAIT\b|\bclose wait\b`);
const FIN_WAIT2 = rx(String.raw`\bFIN[_-]?WAIT[_-]?2\b|\bfin wait 2\b`);
const TIME_WAIT = rx(String.raw`\bTIME[_-]?WAIT\b|\btime wait\b`);
const PILE_UP = /\b(?:many|lots of|a lot of|large number of|huge number of|thousands of|hundreds of|pile[sd]? up|piling up|accumulat\w*|builds? up|building up|too many|almost all|most of|keeps? growing|growing)\b|大量|很多|堆积|过多|积压|暴涨|激增|上万|几千/i;

/** Three digits or more: a count of sockets ("3000 CLOSE_WAIT", "SYN-RECV 维持在 1024"). */
const LARGE_COUNT = /(?<![\d.:])\d{3,}(?![\d.:])/;

/** A socket state mentioned together with a quantity: "many CLOSE_WAIT", "大量 TIME_WAIT", "1024 in SYN_RECV". */
function findPileUp(sentence: string, state: RegExp): Match | undefined {
  const match = firstAffirmed(sentence, state);
  if (!match) return undefined;
  const near = sentence.slice(Math.max(0, match.index - 40), match.index + match.text.length + 40);
  return PILE_UP.test(sentence) || LARGE_COUNT.test(near) ? match : undefined;
}

const TW_RECYCLE = /tcp_tw_recycle|tw_recycle/i;
const ON = rx(String.raw`=\s*1\b|\bto 1\b|改(?:成|为)了?\s?1\b|\b(?:is|was|are|were|set|turned|switched|left) on\b|\benabl(?:e|ed|ing)\b|\bset to 1\b|开启|打开|启用|设置为\s?1|设为\s?1`);
const OFF = /=\s*0\b|\bto 0\b|改(?:成|为)了?\s?0\b|\b(?:off|disabled?|turned off|set to 0)\b|关闭|关掉|禁用|设置为\s?0|设为\s?0/i;

/** tcp_tw_recycle stated as on, in the clause that names it. */
function findTwRecycleOn(sentence: string): Match | undefined {
  for (const clause of sentence.split(/[,;，；]/)) {
    if (!TW_RECYCLE.test(clause) || OFF.test(clause)) continue;
    const on = firstAffirmed(clause, ON);
    if (on) return { text: clause.trim(), index: sentence.indexOf(clause) };
  }
  return undefined;
}

const SYN_RECV = rx(String.raw`\bSYN[_-]?RECV\b|\bSYN[_-]?RECEIVED\b|\bsyn recv\b`);

const DNS_WORDS = rx(String.raw`\bDNS\b|\bresolv\w*|\blookups?\b|\bnslookup\b|\bdig\b|\bgetaddrinfo\b|\bCoreDNS\b|\bkube-dns\b|解析|域名`);

/** A delay of 5 (or 10) seconds said of name resolution, in one sentence: the resolver's retry timeout. */
function findDnsDelay(sentence: string): Match | undefined {
  const match = matchRule(FIVE_SECOND_DELAY, sentence);
  return match && firstAffirmed(sentence, DNS_WORDS) ? match : undefined;
}

/** A settings clause: the sysctl named, with its value stated as `state` (ON or OFF). */
function findSetting(sentence: string, name: RegExp, state: RegExp): Match | undefined {
  for (const clause of sentence.split(/[,;，；、（）()]/)) {
    if (!name.test(clause)) continue;
    const match = firstAffirmed(clause, state);
    if (match) return { text: clause.trim(), index: sentence.indexOf(clause) };
  }
  return undefined;
}

const NEGATED_CLAUSE = /\b(?:not|never|no)\b|n't\b|没|未|不/i;

/** tcp_tw_recycle named (in a list of tuned sysctls, say) without a value saying it is off. */
function findTwRecycleNamed(sentence: string): Match | undefined {
  if (findTwRecycleOn(sentence)) return undefined;
  const clauses = sentence.split(/[,;，；]/);
  const clause = clauses.find((c) => TW_RECYCLE.test(c) && !OFF.test(c) && !NEGATED_CLAUSE.test(c));
  if (!clause) return undefined;
  const index = sentence.indexOf(clause);
  return isNegated(sentence, index + clause.search(TW_RECYCLE), 14) ? undefined : { text: clause.trim(), index };
}

/** "Recv-Q 129 / Send-Q 128" in prose: a listener's accept queue at its backlog. */
const RECV_SEND = /\bRecv-Q\D{0,6}(\d{1,7})\D{0,12}?Send-Q\D{0,6}(\d{1,7})/i;
function findQueueAtBacklog(sentence: string): Match | undefined {
  const match = RECV_SEND.exec(sentence);
  if (!match) return undefined;
  const [recv, send] = [Number(match[1]), Number(match[2])];
  return send > 0 && recv >= send ? { text: match[0], index: match.index } : undefined;
}

/** nf_conntrack_count at a power of two (the usual nf_conntrack_max values): pinned at the limit. */
const CONNTRACK_COUNT = /\b(?:nf_)?conntrack_count\b\D{0,30}?(\d{4,9})\b/i;
function findConntrackPinned(sentence: string): Match | undefined {
  const match = CONNTRACK_COUNT.exec(sentence);
  if (!match) return undefined;
  const count = Number(match[1]);
  return count >= 16384 && (count & (count - 1)) === 0 ? { text: match[0], index: match.index } : undefined;
}

// ---- the extractor --------------------------------------------------------------------------------

/** Sentences end at Chinese or Latin end punctuation ("." only before a space, so IPs stay whole). */
const SENTENCE_END = /[。！？；!?;]|\.(?=\s)/;

function matchRule(rule: Rule, sentence: string): Match | undefined {
  if (rule.find) return rule.find(sentence);
  return (rule.en && firstAffirmed(sentence, rule.en)) || (rule.zh && firstAffirmed(sentence, rule.zh)) || undefined;
}

/** Text signals from a ticket description, one per id, each quoting the sentence it came from. */
export function extractTextSignals(text: string, source: EvidenceSource): Signal[] {
  const found = new Map<SignalId, Signal>();
  const prose = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  prose.split(/\r\n?|\n/).forEach((rawLine, index) => {
    if (found.size === RULES.length) return;
    const line = rawLine.length > MAX_LINE ? rawLine.slice(0, MAX_LINE) : rawLine;
    for (const sentence of line.split(SENTENCE_END)) {
      if (sentence.trim() === "") continue;
      for (const rule of RULES) {
        if (found.has(rule.id)) continue;
        const match = matchRule(rule, sentence);
        if (match) found.set(rule.id, makeSignal(rule.id, PARSER_ID, sentence, index + 1, source, { detail: `the ticket says "${match.text.trim()}"` }));
      }
    }
  });
  return [...found.values()];
}

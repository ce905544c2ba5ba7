import { ENTRY_SYMPTOMS } from "../content/entry-symptoms";
import { isRootCauseId, type RootCauseId } from "../content/root-cause-ids";
import type { QuestionNode } from "./tree-schema";

// Questions the walk asks besides the trees': facts a cause's preconditions need, "what changed?",
// another entry symptom when nothing left separates the causes, and "is it this cause?".

export const WHAT_CHANGED_ID = "what-changed";
export const ANOTHER_SYMPTOM_ID = "another-symptom";
const CONFIRM_PREFIX = "confirm-";

type Words = { en: string; zh: string };

const yesNo = (yes: Words, no: Words) => [
  { value: "yes", label: yes.en, labelZh: yes.zh, signals: [] },
  { value: "no", label: no.en, labelZh: no.zh, signals: [] },
];

/** Fact questions: each settles a precondition (see preconditions.ts) and adds no evidence of its own. */
export const FACT_QUESTIONS: QuestionNode[] = [
  {
    kind: "question",
    id: "fact-kernel",
    text: "Which kernel do the servers run (uname -r)?",
    textZh: "服务器运行的是哪个内核版本（uname -r）？",
    help: "tcp_tw_recycle exists only on kernels older than 4.12.",
    helpZh: "只有 4.12 之前的内核才有 tcp_tw_recycle。",
    cost: 1,
    answers: [
      { value: "before-4-12", label: "Older than 4.12", labelZh: "早于 4.12", signals: [] },
      { value: "4-12-or-later", label: "4.12 or later", labelZh: "4.12 或更新", signals: [] },
    ],
  },
  {
    kind: "question",
    id: "fact-shared-ip",
    text: "Do the failing clients reach the server through a shared source IP (NAT, SNAT, a proxy)?",
    textZh: "失败的客户端是不是经过同一个源 IP 访问服务器（NAT、SNAT、代理）？",
    cost: 1,
    answers: yesNo(
      { en: "Yes, they share a source IP", zh: "是，它们共用一个源 IP" },
      { en: "No, each client has its own IP", zh: "不是，每个客户端都有自己的 IP" },
    ),
  },
  {
    kind: "question",
    id: "fact-load-balancer",
    text: "Is there a load balancer or proxy between the clients and the servers?",
    textZh: "客户端和服务器之间有没有负载均衡或代理？",
    cost: 1,
    answers: yesNo({ en: "Yes", zh: "有" }, { en: "No, clients connect directly", zh: "没有，客户端直连" }),
  },
  {
    kind: "question",
    id: "fact-containers",
    text: "Does the service run in containers or on Kubernetes?",
    textZh: "服务是不是运行在容器里或 Kubernetes 上？",
    cost: 1,
    answers: yesNo({ en: "Yes", zh: "是" }, { en: "No, on plain hosts or VMs", zh: "不是，运行在普通主机或虚拟机上" }),
  },
];

/** Asked when no step separates the leading causes: a change often names the cause. */
export const WHAT_CHANGED_QUESTION: QuestionNode = {
  kind: "question",
  id: WHAT_CHANGED_ID,
  text: "What changed shortly before the problem started?",
  textZh: "问题出现之前不久有过什么变更？",
  cost: 1,
  answers: [
    { value: "kernel-upgrade", label: "A kernel or OS upgrade", labelZh: "升级了内核或操作系统", signals: ["text-kernel"] },
    {
      value: "scaling-or-ips",
      label: "Scaling, a redeploy or new IP addresses behind a name or load balancer",
      labelZh: "扩缩容、重新发布，或者域名、负载均衡后面换了新的 IP",
      signals: ["text-after-scaling"],
    },
    {
      value: "moved-or-cabling",
      label: "Hardware moved, recabled or a network device changed",
      labelZh: "硬件搬迁、重新布线或更换了网络设备",
      signals: ["text-after-move"],
    },
    { value: "traffic-grew", label: "Traffic grew or came in bursts", labelZh: "流量上涨或出现突发", signals: ["text-burst"] },
    { value: "config-change", label: "A configuration or application deploy", labelZh: "配置变更或应用发布", signals: [] },
    { value: "nothing-known", label: "Nothing we know of", labelZh: "据我们所知没有变更", signals: [] },
  ],
};

/** Asked when no step separates the leading causes: look at the problem from another symptom. */
export const ANOTHER_SYMPTOM_QUESTION: QuestionNode = {
  kind: "question",
  id: ANOTHER_SYMPTOM_ID,
  text: "Does the ticket also show another symptom?",
  textZh: "工单里还有没有别的现象？",
  cost: 1,
  answers: ENTRY_SYMPTOMS.map((s) => ({ value: s.id, label: s.label, labelZh: s.labelZh, signals: [] })),
};

export const WALK_QUESTIONS: QuestionNode[] = [...FACT_QUESTIONS, WHAT_CHANGED_QUESTION, ANOTHER_SYMPTOM_QUESTION];

/** The id of the "is it this cause?" question; its answers are "yes" and "no". */
export const confirmQuestionId = (cause: RootCauseId) => `${CONFIRM_PREFIX}${cause}`;

/** The cause a confirm question id asks about, if it is one. */
export function causeOfConfirmId(id: string): RootCauseId | undefined {
  if (!id.startsWith(CONFIRM_PREFIX)) return undefined;
  const cause = id.slice(CONFIRM_PREFIX.length);
  return isRootCauseId(cause) ? cause : undefined;
}

/** "No" to a cause offered on circumstance alone: it stays out only until an output shows it directly. */
export const NOT_YET = "not-yet";

/**
 * The engineer's verdicts from the answers: causes rejected ("no"), causes not accepted on
 * circumstance ("not-yet"), and the one confirmed ("yes").
 */
export function verdictsOf(answers: Record<string, string>): { rejected: Set<RootCauseId>; notYet: Set<RootCauseId>; confirmed?: RootCauseId } {
  const rejected = new Set<RootCauseId>();
  const notYet = new Set<RootCauseId>();
  let confirmed: RootCauseId | undefined;
  for (const [id, value] of Object.entries(answers)) {
    const cause = causeOfConfirmId(id);
    if (!cause) continue;
    if (value === "no") rejected.add(cause);
    if (value === NOT_YET) notYet.add(cause);
    if (value === "yes") confirmed = cause;
  }
  return { rejected, notYet, confirmed };
}

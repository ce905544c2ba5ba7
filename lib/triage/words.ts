import type { Signal } from "../evidence/signal";
import { definitionOf, type SignalId } from "../evidence/signals";
import type { Lang } from "./language";
import { zh } from "./spaced";
import type { COMMAND_LOCATIONS } from "./tree-schema";

// Every sentence the engine writes, in each language it writes. Chinese reads as a Chinese SRE writes
// it; commands, counters and quoted output stay as they are.

type Location = (typeof COMMAND_LOCATIONS)[number];

const EN = {
  likelihood: ["almost certain", "likely", "possible", "less likely", "unlikely"],
  where: {
    client: "on a client that fails",
    server: "on the server that accepts the connections",
    "load-balancer": "on the load balancer",
    proxy: "on the proxy",
    node: "on the Kubernetes node that runs the pod",
    pod: "inside the pod (kubectl exec)",
    "both-ends": "on the client and on the server, at the same time",
    "dns-client": "on the host that resolves the name",
    "any-host": "on the affected host",
  } satisfies Record<Location, string>,
  /** "Title (likely, 72%)". */
  causeWithScore: (title: string, word: string, percent: string) => `${title} (${word}, ${percent})`,
  commandOutcome: (meaning: string, rises: boolean, decides: boolean, cause: string) =>
    `If ${meaning}${rises ? " rises between the two snapshots" : ""}, ${decides ? "it is" : "it points to"} ${cause}.`,
  answerPointsTo: (label: string, causes: string[]) => `"${label}" points to ${causes.join(" or ")}.`,
  answerSpeaksAgainst: (label: string, causes: string[]) => `"${label}" speaks against ${causes.join(" and ")}.`,
  startFromSymptom: "Nothing in the ticket points anywhere yet: start from the symptom.",
  nothingPoints: "Nothing points anywhere yet: start from the symptom.",
  preconditionWhy: (cause: string, label: string, reason: string) => `${cause} fits the evidence so far, but it needs ${label}, and ${reason}.`,
  ruledOutIfOpposite: (title: string) => `If it shows the opposite, ${title} is ruled out.`,
  decideWhy: (cause: string) => `${cause} leads, but only on circumstance (the ticket's words or a counter seen once); this step can show it directly.`,
  tellApart: (leader: string, runnerUp: string) => `To tell ${leader} from ${runnerUp}.`,
  toTest: (leader: string) => `To test ${leader}.`,
  onPath: (tree: string) => ` It is the next step on the "${tree}" path.`,
  nothingSeparates: "No step left in the trees tells the leading causes apart.",
  changeNamesCause: " A recent change often names the cause.",
  anotherSymptom: " Another symptom opens other checks.",
  showsDirectly: (observation: string) => `${observation} shows it directly.`,
  restsOnCircumstance:
    "Nothing left to run can show it directly, so this rests on circumstance: confirm it only if it matches what you see, or paste more output.",
  stillOpen: (labels: string[]) => ` Still open: ${labels.join("; ")}.`,
  isIt: (title: string) => `Is it ${title}?`,
  confirmYes: "Yes, confirm it",
  confirmNo: "No, rule it out and keep looking",
  confirmNotYet: "No, not on this evidence: keep looking",
  confirmWhy: (cause: string, basis: string, open: string) => `${cause}: ${basis}${open}`,
  yesOutcome: "Yes: the next step is its fix and how to verify it.",
  noOutcome: (shown: boolean, others: string) =>
    `No: it is ruled out${shown ? "" : " until an output shows it directly"}${others ? `, and the walk separates ${others}` : ""}.`,
  theCheckThatShowedIt: "the check that showed it",
  runAgain: (command: string, observation: string, rose: boolean) =>
    `Run ${command} again after the fix: ${observation} should no longer show${rose ? " (the counter stops rising)" : ""}.`,
  repeatTheTest: "Repeat the failing request or test from the ticket after the fix and check that the symptom is gone.",
  fixText: (title: string) => `Fix: ${title}`,
  seeCausePage: "See the cause page for the fix.",
  fixWhy: (title: string) => `${title} is confirmed: apply the fix, then verify it.`,
  youRuledItOut: "You ruled it out.",
  notOnCircumstance: "You did not accept it on circumstance alone; it comes back if an output shows it directly.",
  needsBut: (label: string, reason: string) => `It needs ${label}, but ${reason}.`,
  entrySymptom: (label: string) => `Entry symptom: ${label}`,
  reachedPathEnd: (tree: string, note?: string) => `Reached the end of the "${tree}" path${note ? `: ${note}` : ""}`,
  description: "description",
  answer: "answer",
  answerTo: (questionId: string) => `answer: ${questionId}`,
  output: (index: number) => `output ${index + 1}`,
  triagePath: "triage path",
  wording: "wording",
  wordingFor: "the ticket's words are typical of confirmed tickets of this cause",
  wordingAgainst: "the ticket's words are unusual for this cause",
  answered: (value: string) => `answer: ${value}`,
  kernelBefore412: "older than 4.12 (answer)",
  kernel412OrLater: "4.12 or later (answer)",
  verdicts: { yes: "Yes, confirmed", no: "No, ruled out", notYet: "No, not on circumstance alone" },
  quoted: (line: string) => `"${line}"`,
};

const ZH: typeof EN = {
  likelihood: ["几乎可以确定", "很可能", "有可能", "可能性较小", "不太可能"],
  where: {
    client: "在出问题的客户端上",
    server: "在接受连接的服务器上",
    "load-balancer": "在负载均衡上",
    proxy: "在代理上",
    node: "在运行该 Pod 的 Kubernetes 节点上",
    pod: "在 Pod 内（kubectl exec）",
    "both-ends": "在客户端和服务器上同时执行",
    "dns-client": "在做域名解析的那台主机上",
    "any-host": "在受影响的主机上",
  },
  causeWithScore: (title, word, percent) => `${title}（${word}，${percent}）`,
  commandOutcome: (meaning, rises, decides, cause) => zh`如果${meaning}${rises ? "（两次快照之间计数在上涨）" : ""}，${decides ? "就是" : "则指向"}${cause}。`,
  answerPointsTo: (label, causes) => zh`“${label}”指向${causes.join("或")}。`,
  answerSpeaksAgainst: (label, causes) => zh`“${label}”不支持${causes.join("和")}。`,
  startFromSymptom: "工单里还看不出任何方向：先从现象入手。",
  nothingPoints: "还看不出任何方向：先从现象入手。",
  preconditionWhy: (cause, label, reason) => zh`${cause}与目前的证据相符，但它的前提是${label}，而${reason}。`,
  ruledOutIfOpposite: (title) => zh`如果结果相反，就可以排除${title}。`,
  decideWhy: (cause) => zh`${cause}排在最前，但只有旁证（工单里的描述，或只看到一次的计数器）；这一步可以直接证实它。`,
  tellApart: (leader, runnerUp) => zh`用来区分${leader}和${runnerUp}。`,
  toTest: (leader) => zh`用来验证${leader}。`,
  onPath: (tree) => zh`这是“${tree}”排查路径上的下一步。`,
  nothingSeparates: "决策树里已经没有能区分这几个主要原因的步骤了。",
  changeNamesCause: "最近的变更往往直接指明了原因。",
  anotherSymptom: "换一个现象可以打开其他检查。",
  showsDirectly: (observation) => zh`${observation}直接证实了这一点。`,
  restsOnCircumstance: "已经没有能直接证实它的命令了，所以这只是基于旁证：只有和你看到的情况一致时才确认，或者再贴一些输出。",
  stillOpen: (labels) => zh`尚待确认：${labels.join("；")}。`,
  isIt: (title) => zh`是${title}吗？`,
  confirmYes: "是，确认",
  confirmNo: "不是，排除它并继续排查",
  confirmNotYet: "不是，仅凭这些证据还不够：继续排查",
  confirmWhy: (cause, basis, open) => `${cause}：${basis}${open}`,
  yesOutcome: "是：下一步是修复方法以及如何验证。",
  noOutcome: (shown, others) => zh`不是：${shown ? "排除它" : "先排除它，直到有输出直接证实它"}${others ? `，然后继续区分${others}` : ""}。`,
  theCheckThatShowedIt: "发现它的那项检查",
  runAgain: (command, observation, rose) => zh`修复后再执行一次${command}：应该不再出现${observation}${rose ? "（计数器不再上涨）" : ""}。`,
  repeatTheTest: "修复后重复工单里失败的请求或测试，确认现象已经消失。",
  fixText: (title) => zh`修复：${title}`,
  seeCausePage: "修复方法见原因说明页。",
  fixWhy: (title) => zh`已确认是${title}：先修复，再验证。`,
  youRuledItOut: "你已经排除了它。",
  notOnCircumstance: "你没有仅凭旁证接受它；如果有输出直接证实它，它会重新回到列表里。",
  needsBut: (label, reason) => zh`它的前提是${label}，但${reason}。`,
  entrySymptom: (label) => zh`入口现象：${label}`,
  reachedPathEnd: (tree, note) => zh`走到了“${tree}”排查路径的终点${note ? `：${note}` : ""}`,
  description: "描述",
  answer: "回答",
  answerTo: (questionId) => zh`回答：${questionId}`,
  output: (index) => `输出 ${index + 1}`,
  triagePath: "排查路径",
  wording: "措辞",
  wordingFor: "工单的措辞与这个原因已确认工单的典型描述相符",
  wordingAgainst: "工单的措辞对这个原因来说不常见",
  answered: (value) => zh`回答：${value}`,
  kernelBefore412: "早于 4.12（回答）",
  kernel412OrLater: "4.12 或更新（回答）",
  verdicts: { yes: "是，已确认", no: "不是，已排除", notYet: "不是，不能仅凭旁证" },
  quoted: (line) => `“${line}”`,
};

export type Words = typeof EN;

export const WORDS: Record<Lang, Words> = { en: EN, zh: ZH };

/** What a signal means, in `lang`. */
export const meaningOf = (signal: SignalId, lang: Lang): string => definitionOf(signal).meaning[lang];

/** The meaning of a signal, short: the part before a parenthesis. */
export function shortMeaning(signal: SignalId, lang: Lang = "en"): string {
  const meaning = meaningOf(signal, lang);
  const cut = meaning.search(/[(（]/);
  return (cut < 0 ? meaning : meaning.slice(0, cut)).trimEnd();
}

/**
 * An observation as a sentence shows it. English: the parser's own note ("ListenOverflows rose by 1204
 * between snapshots"), else the quoted line. Chinese: what the signal means and the line it was read from.
 */
export function observationOf(signal: Signal, lang: Lang): string {
  if (lang === "en") return signal.detail ?? signal.line;
  return `${shortMeaning(signal.id, lang)}（${signal.line}）`;
}

/** Where a signal was read, in words: "description", "output 2", "answer". */
export function sourceName(signal: Signal, lang: Lang): string {
  const words = WORDS[lang];
  if (signal.source.kind === "output") return words.output(signal.source.index);
  return signal.source.kind === "answer" ? words.answer : words.description;
}

/**
 * The parser's own note on a reading (English), as a result in `lang` shows it: a Chinese result
 * leaves out the prose reader's note ("the ticket says ..."), whose line and meaning say it all.
 */
export function detailIn(signal: Pick<Signal, "detail" | "parser">, lang: Lang): { detail?: string } {
  return signal.detail && !(lang === "zh" && signal.parser === "text") ? { detail: signal.detail } : {};
}

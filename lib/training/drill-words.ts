import type { Lang } from "../triage/language";
import { zh } from "../triage/spaced";

// The sentences drills, feedback and the trainer view are written in, in each language.

const EN = {
  askTheCustomer: (question: string) => `Ask the customer: ${question}`,
  alreadyAnswered: "The ticket already answers this question.",
  answerCanReveal: (meaning: string, cause: string) => `An answer can reveal ${meaning}, which is typical of ${cause}.`,
  noAnswerPoints: "None of its answers would point at this case's cause.",
  readsTellingOutput: (parser: string) => `It reads the kind of output that cracked this case (${parser}).`,
  outputCanShow: (meaning: string, cause: string) => `Its output can show ${meaning}, which is typical of ${cause}.`,
  speaksToOthers: (causes: string[]) => `Its output speaks to ${causes.join("; ")}, not to this case's cause.`,
  wouldNotSeparate: "Its output would not separate the candidate causes of this ticket.",
  treeConcludes: (cause: string) => `No step can show evidence typical of ${cause}; the decision tree concludes it right after this one.`,
  ticketLabel: (n: number) => `Ticket ${n}`,
  signalLabel: (n: number) => `Signal ${n}`,
  outputOf: (source: string) => `${source} output`,
  commandOutput: "command output",
};

const ZH: typeof EN = {
  askTheCustomer: (question) => zh`问客户：${question}`,
  alreadyAnswered: "工单里已经回答了这个问题。",
  answerCanReveal: (meaning, cause) => zh`客户的回答可能揭示${meaning}，这是${cause}的典型表现。`,
  noAnswerPoints: "它的任何一个回答都不会指向这个案例的原因。",
  readsTellingOutput: (parser) => zh`它读取的正是破解这个案例的那类输出（${parser}）。`,
  outputCanShow: (meaning, cause) => zh`它的输出可以显示${meaning}，这是${cause}的典型表现。`,
  speaksToOthers: (causes) => zh`它的输出针对的是${causes.join("；")}，而不是这个案例的原因。`,
  wouldNotSeparate: "它的输出无法区分这张工单的几个候选原因。",
  treeConcludes: (cause) => zh`没有哪一步能显示${cause}的典型证据；决策树在这一步之后就会得出它。`,
  ticketLabel: (n) => `工单 ${n}`,
  signalLabel: (n) => `信号 ${n}`,
  outputOf: (source) => zh`${source} 输出`,
  commandOutput: "命令输出",
};

export const DRILL_WORDS: Record<Lang, typeof EN> = { en: EN, zh: ZH };

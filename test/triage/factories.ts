import { ROOT_CAUSE_IDS } from "@/lib/content/root-cause-ids";
import { makeSignal, type Signal } from "@/lib/evidence/signal";
import type { SignalId } from "@/lib/evidence/vocabulary";
import type { TriageKnowledge } from "@/lib/triage/knowledge";
import { trainTextModel } from "@/lib/triage/text-model";
import type { Tree } from "@/lib/triage/tree-schema";

/** Knowledge with flat priors, the given trees and a text model that knows no words. */
export function knowledgeWith(trees: Tree[] = []): TriageKnowledge {
  return {
    causes: ROOT_CAUSE_IDS.map((id) => ({ id, title: id })),
    casesByCause: new Map(ROOT_CAUSE_IDS.map((id) => [id, [`case-of-${id}`]])),
    logPriors: new Map(ROOT_CAUSE_IDS.map((id) => [id, Math.log(1 / ROOT_CAUSE_IDS.length)])),
    trees,
    textModel: trainTextModel([]),
  };
}

export function signal(id: SignalId, line: string = id, source: Signal["source"] = { kind: "output", index: 0 }): Signal {
  return makeSignal(id, "test", line, 1, source);
}

/** A small tree: a scope question, then a netstat step, then leaves. */
export const SAMPLE_TREE: Tree = {
  id: "cannot-connect",
  symptom: "cannot-connect",
  title: "Cannot connect",
  titleZh: "无法连接",
  start: "scope",
  nodes: [
    {
      kind: "question",
      id: "scope",
      text: "Do all clients fail, or only some?",
      textZh: "是所有客户端都失败，还是只有部分？",
      cost: 1,
      answers: [
        { value: "some", label: "Only some", labelZh: "只有部分", signals: ["text-some-clients"], next: "counters" },
        { value: "all", label: "All of them", labelZh: "全部", signals: [], next: "counters" },
      ],
    },
    {
      kind: "command",
      id: "counters",
      title: "Read the SYN drop counters",
      titleZh: "查看 SYN 丢弃计数器",
      command: { default: "netstat -s | egrep -i 'listen|time stamp'" },
      where: "server",
      lookFor: "time stamp rejects rising with listen drops",
      lookForZh: "时间戳拒绝随 listen drops 一起上涨",
      parser: "netstat-s",
      cost: 2,
      next: "end",
    },
    { kind: "leaf", id: "end", causes: ["tcp-tw-recycle-nat-timestamps", "syn-queue-overflow"] },
  ],
};

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
  start: "scope",
  nodes: [
    {
      kind: "question",
      id: "scope",
      text: "Do all clients fail, or only some?",
      cost: 1,
      answers: [
        { value: "some", label: "Only some", signals: ["text-some-clients"], next: "counters" },
        { value: "all", label: "All of them", signals: [], next: "counters" },
      ],
    },
    {
      kind: "command",
      id: "counters",
      title: "Read the SYN drop counters",
      command: { default: "netstat -s | egrep -i 'listen|time stamp'" },
      where: "server",
      lookFor: "time stamp rejects rising with listen drops",
      parser: "netstat-s",
      cost: 2,
      next: "end",
    },
    { kind: "leaf", id: "end", causes: ["tcp-tw-recycle-nat-timestamps", "syn-queue-overflow"] },
  ],
};

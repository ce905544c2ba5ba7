import type { Signal } from "../evidence/signal";
import type { SignalId } from "../evidence/signals";
import type { EnvironmentFacts } from "./facts";
import type { Lang } from "./language";
import type { QuestionNode } from "./tree-schema";
import { observationOf, sourceName, WORDS } from "./words";

/** An answer the evidence already gives: shown as inferred, and the engineer may change it. */
export type InferredAnswer = { questionId: string; value: string; label: string; line: string; source: string };

/**
 * Observations that state an answer's signal in other terms: "no SYN-ACK to the SYNs" is a connect
 * timeout as the client reports it. Keyed by the answer's signal.
 */
const STATED_BY: Partial<Record<SignalId, SignalId[]>> = {
  "conn-timeout": ["text-timeout", "syn-no-synack", "syn-retransmit-same-port"],
  "conn-refused": ["text-refused", "rst-to-syn"],
  "conn-reset": ["text-reset", "rst-mid-stream"],
  "http-5xx": ["text-5xx"],
  "text-nat": ["text-direct-and-vip"],
  "dns-timeout": ["text-5s-delay"],
};

/**
 * Words of the ticket that state an answer the signals do not read yet (candidates for
 * lib/evidence/signals): a client whose SYNs get no SYN-ACK reports a connect timeout.
 */
const STATED_IN_WORDS: { signal: SignalId; words: RegExp }[] = [
  { signal: "conn-timeout", words: /\bno SYN[- ]?ACKs?\b|\bSYN[- ]?ACKs? (?:never|not)\b|没有(?:收到)?\s?SYN[- ]?ACK/i },
];

/** What in the evidence states a signal: the signal itself, a restatement, or the ticket's words. */
function statement(signal: SignalId, signals: Signal[], description: string, lang: Lang): { line: string; source: string } | undefined {
  const ids = new Set<SignalId>([signal, ...(STATED_BY[signal] ?? [])]);
  const found = signals.find((s) => ids.has(s.id) && s.source.kind !== "answer");
  if (found) return { line: observationOf(found, lang), source: sourceName(found, lang) };
  for (const rule of STATED_IN_WORDS) {
    if (rule.signal !== signal) continue;
    const match = rule.words.exec(description);
    if (match) return { line: match[0], source: WORDS[lang].description };
  }
  return undefined;
}

/** Fact questions answered by facts already read. */
function factAnswer(question: QuestionNode, facts: EnvironmentFacts): InferredAnswer | undefined {
  const from = (value: string, fact: { line: string; source: string }) => {
    const answer = question.answers.find((a) => a.value === value);
    return answer ? { questionId: question.id, value, label: answer.label, line: fact.line, source: fact.source } : undefined;
  };
  const kernel = facts.kernel;
  if (question.id === "fact-kernel" && kernel && (kernel.major !== 4 || kernel.minor !== undefined)) {
    const newer = kernel.major > 4 || (kernel.major === 4 && (kernel.minor ?? 0) >= 12);
    return from(newer ? "4-12-or-later" : "before-4-12", kernel);
  }
  if (question.id === "fact-kernel" && facts.twRecycleAbsent) return from("4-12-or-later", facts.twRecycleAbsent);
  const topology = { "fact-shared-ip": facts.sharedSourceIp, "fact-load-balancer": facts.loadBalancer, "fact-containers": facts.containers }[question.id];
  if (topology) return from("yes", topology);
  return undefined;
}

/**
 * The answer the ticket, its outputs or the facts already give to a question, if any: the first
 * answer whose evidence is stated. Pure.
 */
export function inferAnswer(
  question: QuestionNode,
  signals: Signal[],
  description: string,
  facts: EnvironmentFacts,
  lang: Lang = "en",
): InferredAnswer | undefined {
  const fact = factAnswer(question, facts);
  if (fact) return fact;
  for (const answer of question.answers) {
    for (const signal of answer.signals) {
      const found = statement(signal, signals, description, lang);
      if (found) return { questionId: question.id, value: answer.value, label: answer.label, ...found };
    }
  }
  return undefined;
}

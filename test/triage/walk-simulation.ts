// Walks a ticket through the wizard with an oracle that answers only from the ticket's facts: the
// outputs it quotes and its environment. Shared by the simulated interview and the export rubric.
import path from "node:path";

import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import type { RootCauseId } from "@/lib/content/root-cause-ids";
import { extractEvidence } from "@/lib/evidence/extract";
import { getParser } from "@/lib/evidence/parsers";
import { diagnose, type DiagnoseResult } from "@/lib/triage/diagnose";
import { readFacts } from "@/lib/triage/facts";
import { inferAnswer } from "@/lib/triage/inferred-answers";
import { indexNodes, MIN_GAIN, SKIP_ANSWER, SYMPTOM_QUESTION_ID, type NextStep } from "@/lib/triage/next-step";
import { loadTicketSet, TICKETS_DIR } from "@/lib/triage/tickets";
import type { QuestionNode } from "@/lib/triage/tree-schema";
import { ANOTHER_SYMPTOM_ID, causeOfConfirmId, confirmQuestionId, WHAT_CHANGED_ID } from "@/lib/triage/walk-questions";

import { CONTENT_DIR, knowledge, resolvedCaseFixtures } from "./case-fixtures";

/** A ticket to walk: what the engineer starts from, every fact the oracle may answer from, and the truth. */
export type WalkTicket = {
  id: string;
  cause: RootCauseId;
  also: RootCauseId[];
  start: { description: string; outputs: { command?: string; text: string }[] };
  facts: { description: string; outputs: { command?: string; text: string }[] };
};

export type Walk = {
  ticket: WalkTicket;
  /** Steps taken until the true cause ranked first (0: from the start), or undefined. */
  stepsToRankOne?: number;
  zeroGainSteps: number;
  /** Questions asked whose answer the evidence at that point already gave. */
  redundantQuestions: number;
  confirmationsOffered: RootCauseId[];
  confirmedTrue: boolean;
  final: DiagnoseResult;
  input: { description: string; outputs: { command?: string; text: string }[]; answers: Record<string, string> };
  steps: NextStep[];
};

export const MAX_STEPS = 12;
const nodes = indexNodes(knowledge.trees);

/** Every resolved case as a ticket: the reporter's words (the Issue section) to start from, the whole case as facts. */
export function caseTickets(): WalkTicket[] {
  return resolvedCaseFixtures().map((f) => ({
    id: f.id,
    cause: f.cause,
    also: [],
    start: { description: f.issue, outputs: [] },
    facts: { description: f.description, outputs: f.outputs },
  }));
}

/** The dev tickets of the real-ticket work, as written: start and facts are the same. */
/** A set of content/tickets (the confirmed tickets the engine learns from). */
export const devTickets = (file: string): WalkTicket[] => walkTicketsOf(path.join(CONTENT_DIR, TICKETS_DIR, file));

/** A set of test/triage/tickets, which the engine never learns from. */
export const holdoutTickets = (file: string): WalkTicket[] => walkTicketsOf(path.join(import.meta.dirname, "tickets", file));

function walkTicketsOf(file: string): WalkTicket[] {
  return loadTicketSet(file).map((t) => {
    const ticket = { description: t.description, outputs: t.outputs };
    return { id: t.id, cause: t.expected, also: t.also, start: ticket, facts: ticket };
  });
}

const isTrue = (ticket: WalkTicket, cause: RootCauseId) => cause === ticket.cause || ticket.also.includes(cause);

/** The oracle: answers from the ticket's facts only; "don't know" when they do not say. */
function oracleAnswer(question: QuestionNode, ticket: WalkTicket): string {
  if (question.id === SYMPTOM_QUESTION_ID || question.id === ANOTHER_SYMPTOM_ID) {
    return ENTRY_SYMPTOMS.find((s) => s.causes.includes(ticket.cause))?.id ?? SKIP_ANSWER;
  }
  const signals = extractEvidence(ticket.facts);
  const facts = readFacts({ ...ticket.facts, answers: {} }, signals);
  const inferred = inferAnswer(question, signals, ticket.facts.description, facts);
  if (inferred) return inferred.value;
  if (question.id === WHAT_CHANGED_ID) return "nothing-known";
  return SKIP_ANSWER;
}

/** Walks one ticket for up to MAX_STEPS steps or until a cause is confirmed. */
export function walk(ticket: WalkTicket): Walk {
  const answers: Record<string, string> = {};
  const outputs = [...ticket.start.outputs];
  const pasted = new Set<string>(outputs.map((o) => o.text));
  const steps: NextStep[] = [];
  const record: Omit<Walk, "final" | "input" | "steps"> = { ticket, zeroGainSteps: 0, redundantQuestions: 0, confirmationsOffered: [], confirmedTrue: false };
  let result = diagnose({ description: ticket.start.description, outputs, answers }, knowledge);
  for (let step = 0; step <= MAX_STEPS; step++) {
    if (record.stepsToRankOne === undefined && result.rootCauses[0] && isTrue(ticket, result.rootCauses[0].id)) record.stepsToRankOne = step;
    const next = result.next;
    if (next.kind === "fix" || step === MAX_STEPS) break;
    steps.push(next);
    if (["separate", "decide", "precondition"].includes(next.purpose) && (next.gain ?? 0) < MIN_GAIN) record.zeroGainSteps++;
    if (next.confirms) {
      record.confirmationsOffered.push(next.confirms);
      const yes = isTrue(ticket, next.confirms);
      answers[confirmQuestionId(next.confirms)] = yes ? "yes" : (next.answers?.find((a) => a.value !== "yes")?.value ?? "no");
      if (yes) record.confirmedTrue = true;
    } else if (next.kind === "question") {
      const node = nodes.get(next.id) as QuestionNode;
      const value = oracleAnswer(node, ticket);
      const answer = node.answers.find((a) => a.value === value);
      const known = new Set(result.signals.filter((s) => s.source.kind !== "answer").map((s) => s.id));
      if (answer && answer.signals.some((s) => known.has(s))) record.redundantQuestions++;
      answers[next.id] = value;
    } else if (next.kind === "command") {
      const parser = next.parser ? getParser(next.parser) : undefined;
      const output = ticket.facts.outputs.find((o) => !pasted.has(o.text) && parser && parser.parse(o.text, { kind: "output", index: 0 }).length > 0);
      if (output) {
        pasted.add(output.text);
        outputs.push({ command: next.filled?.command ?? next.command, text: output.text });
      } else answers[next.id] = SKIP_ANSWER;
    }
    result = diagnose({ description: ticket.start.description, outputs, answers }, knowledge);
  }
  return { ...record, final: result, input: { description: ticket.start.description, outputs, answers }, steps };
}

/** Whether a walk's answers hold a confirmation (an answer "yes" to an "is it ...?" question). */
export function confirmedCauseOf(answers: Record<string, string>): RootCauseId | undefined {
  for (const [id, value] of Object.entries(answers)) if (value === "yes" && causeOfConfirmId(id)) return causeOfConfirmId(id);
  return undefined;
}

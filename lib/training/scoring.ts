import type { RootCauseId } from "../content/root-cause-ids";
import { FieldError } from "../field-error";
import type { CauseChoice, DrillStep, EvidenceLine, Exercise, SignalDrill, TellingLine, TicketDrill } from "./exercise";
import type { TextBlock } from "./markdown";

export type TicketAnswer = { kind: "ticket"; stepId: string; causeId: RootCauseId };
export type SignalAnswer = { kind: "signal"; line: number };
export type DrillAnswer = TicketAnswer | SignalAnswer;

/** Per-part results; a part the drill does not have is null. An attempt is correct when every part is. */
export type AttemptScore = { correct: boolean; stepCorrect: boolean | null; causeCorrect: boolean | null; lineCorrect: boolean | null };

export type TicketFeedback = {
  kind: "ticket";
  score: AttemptScore;
  chosenStep: DrillStep;
  steps: DrillStep[];
  chosenCause: CauseChoice;
  cause: CauseChoice;
  caseId: string;
  caseTitle: string;
  reasoning: TextBlock[];
  spotNextTime: TextBlock[];
  evidence: EvidenceLine[];
};

export type SignalFeedback = {
  kind: "signal";
  score: AttemptScore;
  chosenLine: number;
  telling: TellingLine[];
  caseId: string;
  caseTitle: string;
  cause: CauseChoice;
};

export type Feedback = TicketFeedback | SignalFeedback;

/**
 * Scores an answer and explains it. Pure; throws FieldError (`answer.<field>`) when the answer does
 * not fit the drill: another kind, a step or cause it did not offer, a line it does not have.
 */
export function scoreAnswer(exercise: Exercise, answer: DrillAnswer, titleOf: (id: RootCauseId) => string): Feedback {
  if (answer.kind !== exercise.kind) throw new FieldError("answer.kind", `drill "${exercise.id}" is a ${exercise.kind} drill, not a ${answer.kind} drill`);
  return exercise.kind === "ticket" ? scoreTicket(exercise, answer as TicketAnswer, titleOf) : scoreSignal(exercise, answer as SignalAnswer, titleOf);
}

function scoreTicket(drill: TicketDrill, answer: TicketAnswer, titleOf: (id: RootCauseId) => string): TicketFeedback {
  const chosenStep = drill.steps.find((s) => s.id === answer.stepId);
  if (!chosenStep) throw new FieldError("answer.stepId", `"${answer.stepId}" is not one of the steps this drill offers`);
  const chosenCause = drill.causes.find((c) => c.id === answer.causeId);
  if (!chosenCause) throw new FieldError("answer.causeId", `"${answer.causeId}" is not one of the causes this drill offers`);
  const stepCorrect = chosenStep.right;
  const causeCorrect = chosenCause.id === drill.rootCause;
  return {
    kind: "ticket",
    score: { correct: stepCorrect && causeCorrect, stepCorrect, causeCorrect, lineCorrect: null },
    chosenStep,
    steps: drill.steps,
    chosenCause,
    cause: { id: drill.rootCause, title: titleOf(drill.rootCause) },
    caseId: drill.caseId,
    caseTitle: drill.caseTitle,
    ...drill.explanation,
  };
}

function scoreSignal(drill: SignalDrill, answer: SignalAnswer, titleOf: (id: RootCauseId) => string): SignalFeedback {
  if (!Number.isInteger(answer.line) || answer.line < 1 || answer.line > drill.lines.length) {
    throw new FieldError("answer.line", `must be a line number from 1 to ${drill.lines.length}`);
  }
  const lineCorrect = drill.telling.some((t) => t.lineNumber === answer.line);
  return {
    kind: "signal",
    score: { correct: lineCorrect, stepCorrect: null, causeCorrect: null, lineCorrect },
    chosenLine: answer.line,
    telling: drill.telling,
    caseId: drill.caseId,
    caseTitle: drill.caseTitle,
    cause: { id: drill.rootCause, title: titleOf(drill.rootCause) },
  };
}

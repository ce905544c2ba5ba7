import type { RootCauseId } from "../content/root-cause-ids";
import type { SignalId } from "../evidence/vocabulary";
import type { TextBlock } from "./markdown";

/** One step a learner may take first: a tree command to run, or a tree question to ask the customer. */
export type DrillStep = {
  id: string;
  kind: "command" | "ask";
  /** The step's title or question as the prompt shows it, with key terms redacted. */
  label: string;
  /** The same, unredacted, for the feedback. */
  title: string;
  /** The exact command line (commands only), shown once the drill is answered. */
  command?: string;
  right: boolean;
  /** Why the step is (or is not) a good first step for this ticket. */
  why: string;
};

export type CauseChoice = { id: RootCauseId; title: string };

/** One observation the engine reads from the case, and which offered causes it speaks for. */
export type EvidenceLine = {
  signal: SignalId;
  meaning: string;
  line: string;
  detail?: string;
  favours: { id: RootCauseId; title: string; weight: number }[];
};

/** What the learner sees after choosing a first step: the case's telling output, or its diagnosis when it quotes none. */
export type Reveal = { kind: "output"; command?: string; output: string } | { kind: "diagnosis"; blocks: TextBlock[] };

export type TicketDrill = {
  kind: "ticket";
  id: string;
  caseId: string;
  caseTitle: string;
  rootCause: RootCauseId;
  /** The entry symptom whose tree the steps come from; its label is redacted like the ticket. */
  symptom: { id: string; label: string };
  issue: TextBlock[];
  environment: TextBlock[];
  steps: DrillStep[];
  reveal: Reveal;
  causes: CauseChoice[];
  explanation: { reasoning: TextBlock[]; spotNextTime: TextBlock[]; evidence: EvidenceLine[] };
};

/** A line of a signal drill that the parsers read evidence from. */
export type TellingLine = { lineNumber: number; line: string; evidence: EvidenceLine[] };

export type SignalDrill = {
  kind: "signal";
  id: string;
  caseId: string;
  caseTitle: string;
  /** The cause the attempt is filed under: the case's root cause, or the cause the telling lines favour most. */
  rootCause: RootCauseId;
  /** What kind of output it is, from the parser that reads it ("mtr / traceroute"). */
  source: string;
  command?: string;
  lines: string[];
  telling: TellingLine[];
};

export type Exercise = TicketDrill | SignalDrill;

/** What the drill page may show before the learner answers: no rightness, no explanation. */
export type TicketPrompt = Pick<TicketDrill, "kind" | "id" | "issue" | "environment" | "reveal" | "causes"> & {
  symptomLabel: string;
  steps: Pick<DrillStep, "id" | "kind" | "label">[];
};
export type SignalPrompt = Pick<SignalDrill, "kind" | "id" | "source" | "command" | "lines">;
export type ExercisePrompt = TicketPrompt | SignalPrompt;

export function toPrompt(exercise: Exercise): ExercisePrompt {
  if (exercise.kind === "signal") {
    const { id, source, command, lines } = exercise;
    return { kind: "signal", id, source, ...(command ? { command } : {}), lines };
  }
  return {
    kind: "ticket",
    id: exercise.id,
    symptomLabel: exercise.symptom.label,
    issue: exercise.issue,
    environment: exercise.environment,
    steps: exercise.steps.map(({ id, kind, label }) => ({ id, kind, label })),
    reveal: exercise.reveal,
    causes: exercise.causes,
  };
}

/** Drill ids are opaque hashes (see stable-hash.ts): a case slug often names its cause. */
export const EXERCISE_ID_PATTERN = /^[ts]-[0-9a-f]{10}$/;

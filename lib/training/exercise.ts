import { createHash } from "node:crypto";

import type { RootCauseId } from "../content/root-cause-ids";
import type { SignalId } from "../evidence/vocabulary";
import type { TextBlock } from "./markdown";

/** One step a learner may take first: a tree command to run, or a tree question to ask the customer. */
export type DrillStep = {
  id: string;
  kind: "command" | "ask";
  /** The step's title or question, with key terms redacted. */
  label: string;
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
export type Reveal =
  | { kind: "output"; command?: string; output: string }
  | { kind: "diagnosis"; blocks: TextBlock[] };

export type TicketDrill = {
  kind: "ticket";
  id: string;
  caseId: string;
  caseTitle: string;
  rootCause: RootCauseId;
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
export type SignalPrompt = Pick<SignalDrill, "kind" | "id" | "command" | "lines">;
export type ExercisePrompt = TicketPrompt | SignalPrompt;

export function toPrompt(exercise: Exercise): ExercisePrompt {
  if (exercise.kind === "signal") return { kind: "signal", id: exercise.id, command: exercise.command, lines: exercise.lines };
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

/** Opaque, stable ids: a case slug often names its cause, so it must not appear in a drill's URL. */
export function exerciseIdOf(kind: Exercise["kind"], key: string): string {
  return `${kind === "ticket" ? "t" : "s"}-${createHash("sha256").update(`${kind}:${key}`).digest("hex").slice(0, 10)}`;
}

export const EXERCISE_ID_PATTERN = /^[ts]-[0-9a-f]{10}$/;

/** A deterministic shuffle: orders items by a hash of the seed and each item's key. */
export function shuffleBy<T>(items: T[], seed: string, keyOf: (item: T) => string): T[] {
  const rank = (item: T) => createHash("sha256").update(`${seed}:${keyOf(item)}`).digest("hex");
  return items.map((item) => ({ item, rank: rank(item) })).sort((a, b) => a.rank.localeCompare(b.rank)).map(({ item }) => item);
}

import type { RootCauseId } from "../content/root-cause-ids";

/** An attempt as the trainer view reads it. */
export type AttemptRecord = {
  id: string;
  learnerId: string;
  learnerName: string;
  exerciseId: string;
  kind: "ticket" | "signal";
  caseId: string;
  rootCause: RootCauseId;
  correct: boolean;
  stepCorrect: boolean | null;
  causeCorrect: boolean | null;
  lineCorrect: boolean | null;
  durationMs: number;
  createdAt: Date;
};

export type Tally = { attempts: number; correct: number; accuracy: number | null };

export type CauseAccuracy = Tally & {
  cause: RootCauseId;
  /** Accuracy of the older and the newer half of the attempts: how the learner moves over time. */
  earlier: number | null;
  later: number | null;
};

export type LearnerSummary = Tally & {
  id: string;
  name: string;
  stepAccuracy: number | null;
  causeAccuracy: number | null;
  lineAccuracy: number | null;
  medianDurationMs: number | null;
  lastAttemptAt: Date | null;
  weakest: RootCauseId | null;
};

export type DayAccuracy = Tally & { day: string };

const share = (hits: number, total: number) => (total === 0 ? null : hits / total);

export function tally(attempts: Pick<AttemptRecord, "correct">[]): Tally {
  const correct = attempts.filter((a) => a.correct).length;
  return { attempts: attempts.length, correct, accuracy: share(correct, attempts.length) };
}

/** Share of true among the non-null values. */
function partAccuracy(values: (boolean | null)[]): number | null {
  const known = values.filter((v): v is boolean => v !== null);
  return share(known.filter(Boolean).length, known.length);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const oldestFirst = (a: AttemptRecord, b: AttemptRecord) => a.createdAt.getTime() - b.createdAt.getTime();

/** Accuracy per root cause, weakest first (ties: more attempts first). Pure. */
export function accuracyByCause(attempts: AttemptRecord[]): CauseAccuracy[] {
  const groups = new Map<RootCauseId, AttemptRecord[]>();
  for (const attempt of attempts) groups.set(attempt.rootCause, [...(groups.get(attempt.rootCause) ?? []), attempt]);
  return [...groups]
    .map(([cause, group]) => {
      const ordered = [...group].sort(oldestFirst);
      const half = Math.floor(ordered.length / 2);
      const hasHalves = ordered.length >= 2;
      return {
        cause,
        ...tally(ordered),
        earlier: hasHalves ? tally(ordered.slice(0, half)).accuracy : null,
        later: hasHalves ? tally(ordered.slice(half)).accuracy : null,
      };
    })
    .sort((a, b) => (a.accuracy ?? 0) - (b.accuracy ?? 0) || b.attempts - a.attempts || a.cause.localeCompare(b.cause));
}

/** Causes with at least `minAttempts` attempts and some misses, weakest first. Pure. */
export function weakestCauses(byCause: CauseAccuracy[], minAttempts = 2, limit = 5): CauseAccuracy[] {
  return byCause.filter((c) => c.attempts >= minAttempts && c.correct < c.attempts).slice(0, limit);
}

/** One row per learner, most recently active first; learners without attempts last. Pure. */
export function summariseLearners(learners: { id: string; name: string }[], attempts: AttemptRecord[]): LearnerSummary[] {
  return learners
    .map((learner) => {
      const own = attempts.filter((a) => a.learnerId === learner.id);
      const last = own.reduce<Date | null>((latest, a) => (!latest || a.createdAt > latest ? a.createdAt : latest), null);
      return {
        id: learner.id,
        name: learner.name,
        ...tally(own),
        stepAccuracy: partAccuracy(own.map((a) => a.stepCorrect)),
        causeAccuracy: partAccuracy(own.map((a) => a.causeCorrect)),
        lineAccuracy: partAccuracy(own.map((a) => a.lineCorrect)),
        medianDurationMs: median(own.map((a) => a.durationMs)),
        lastAttemptAt: last,
        weakest: weakestCauses(accuracyByCause(own), 1, 1)[0]?.cause ?? null,
      };
    })
    .sort((a, b) => (b.lastAttemptAt?.getTime() ?? 0) - (a.lastAttemptAt?.getTime() ?? 0) || a.name.localeCompare(b.name));
}

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Accuracy per UTC day for the `days` days up to `now`, empty days included. Pure. */
export function accuracyByDay(attempts: AttemptRecord[], now: Date, days = 14): DayAccuracy[] {
  return Array.from({ length: days }, (_, i) => dayOf(new Date(now.getTime() - (days - 1 - i) * DAY_MS))).map((day) => ({
    day,
    ...tally(attempts.filter((a) => dayOf(a.createdAt) === day)),
  }));
}

import type { PrismaClient } from "@/generated/prisma/client";

import { AppError } from "../http/errors";
import type { ExerciseCatalogue } from "./catalogue";
import { teaserOf } from "./drill-labels";
import type { Exercise } from "./exercise";
import { getLearner, loadReviews, recordAttempt, type LearnerView } from "./repository";
import type { CreateAttemptInput } from "./schemas";
import { scoreAnswer, type Feedback } from "./scoring";
import { orderQueue, type QueueStatus } from "./spaced-repetition";

/** A drill as the queue lists it: enough to link to it, nothing that gives it away. */
export type QueueEntry = { id: string; kind: Exercise["kind"]; teaser: string; status: QueueStatus; box?: number; dueAt?: string };

export type LearnerQueue = { learner: LearnerView; entries: QueueEntry[] };

export type AttemptResult = { feedback: Feedback; review: { box: number; dueAt: string }; next: QueueEntry | null };

/** Every drill in the order the learner should take them (see orderQueue). */
export async function getLearnerQueue(prisma: PrismaClient, catalogue: ExerciseCatalogue, learnerId: string, now = new Date()): Promise<LearnerQueue> {
  const learner = await getLearner(prisma, learnerId);
  const reviews = await loadReviews(prisma, learnerId);
  const entries = orderQueue(
    catalogue.exercises.map((e) => e.id),
    reviews,
    now,
  ).flatMap((item) => {
    const exercise = catalogue.get(item.id);
    if (!exercise) return [];
    return [
      {
        id: item.id,
        kind: exercise.kind,
        teaser: teaserOf(exercise, catalogue.lang),
        status: item.status,
        ...(item.box ? { box: item.box, dueAt: item.dueAt?.toISOString() } : {}),
      },
    ];
  });
  return { learner, entries };
}

/** Scores the answer, stores the attempt, reschedules the drill and names the next one. */
export async function submitAttempt(prisma: PrismaClient, catalogue: ExerciseCatalogue, input: CreateAttemptInput, now = new Date()): Promise<AttemptResult> {
  const exercise = catalogue.get(input.exerciseId);
  if (!exercise) throw new AppError(404, `exerciseId: no drill "${input.exerciseId}"`);
  await getLearner(prisma, input.learnerId);
  const feedback = scoreAnswer(exercise, input.answer, catalogue.titleOf);
  const review = await recordAttempt(prisma, {
    learnerId: input.learnerId,
    exercise,
    answer: input.answer,
    score: feedback.score,
    durationMs: input.durationMs,
    now,
  });
  const { entries } = await getLearnerQueue(prisma, catalogue, input.learnerId, now);
  return { feedback, review: { box: review.box, dueAt: review.dueAt.toISOString() }, next: entries.find((e) => e.id !== exercise.id) ?? null };
}

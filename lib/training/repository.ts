import type { PrismaClient } from "@/generated/prisma/client";

import type { Viewer } from "../auth/access";
import type { Account } from "../auth/accounts";
import { hasRole } from "../auth/roles";
import { rootCauseIdSchema } from "../content/schema";
import { AppError } from "../http/errors";
import type { AttemptRecord } from "./progress";
import { learnerNameSchema } from "./schemas";
import type { AttemptScore, DrillAnswer } from "./scoring";
import { scheduleReview, type ReviewState } from "./spaced-repetition";

export type LearnerView = { id: string; name: string };

/** The learner with this name (any case), created on first use. */
export async function findOrCreateLearner(prisma: PrismaClient, rawName: string): Promise<{ learner: LearnerView; created: boolean }> {
  const name = learnerNameSchema.parse(rawName).replace(/\s+/g, " ");
  const nameKey = name.toLowerCase();
  const existing = await prisma.learner.findUnique({ where: { nameKey }, select: { id: true, name: true } });
  if (existing) return { learner: existing, created: false };
  try {
    return { learner: await prisma.learner.create({ data: { name, nameKey }, select: { id: true, name: true } }), created: true };
  } catch (error) {
    // Someone took the name between the read and the write: that learner is the one.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return { learner: await prisma.learner.findUniqueOrThrow({ where: { nameKey }, select: { id: true, name: true } }), created: false };
  }
}

/** A signed-in user's learner, created on first use under their name (or email). */
export async function learnerForUser(prisma: PrismaClient, user: Account): Promise<{ learner: LearnerView; created: boolean }> {
  const existing = await prisma.learner.findUnique({ where: { userId: user.id }, select: { id: true, name: true } });
  if (existing) return { learner: existing, created: false };
  // Emails cannot be picked as names (no "@"), so the key never meets a named learner's.
  const learner = await prisma.learner.upsert({
    where: { userId: user.id },
    create: { userId: user.id, name: user.name || user.email, nameKey: user.email },
    update: {},
    select: { id: true, name: true },
  });
  return { learner, created: true };
}

/**
 * With sign-in on, a learner's drills and progress are theirs (and their trainers'): throws
 * AppError 403 when the viewer is someone else below trainer, 404 for an unknown learner.
 */
export async function assertLearnerAccess(prisma: PrismaClient, viewer: Viewer, learnerId: string): Promise<void> {
  if (!viewer.signInRequired) return;
  const learner = await prisma.learner.findUnique({ where: { id: learnerId }, select: { userId: true } });
  if (!learner) throw new AppError(404, `learnerId: no learner "${learnerId}"`);
  if (learner.userId !== viewer.user?.id && !(viewer.user && hasRole(viewer.user.role, "trainer")))
    throw new AppError(403, "learnerId: that is another learner's training");
}

/** Returns the learner, or throws AppError 404. */
export async function getLearner(prisma: PrismaClient, id: string): Promise<LearnerView> {
  const learner = await prisma.learner.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!learner) throw new AppError(404, `learnerId: no learner "${id}"; pick a name on /train`);
  return learner;
}

export async function listLearners(prisma: PrismaClient): Promise<LearnerView[]> {
  return prisma.learner.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export type AttemptToRecord = {
  learnerId: string;
  exercise: { id: string; kind: "ticket" | "signal"; caseId: string; rootCause: string };
  answer: DrillAnswer;
  score: AttemptScore;
  durationMs: number;
  now: Date;
};

/** Stores the attempt and moves the drill between Leitner boxes, in one transaction; returns the new box. */
export async function recordAttempt(prisma: PrismaClient, attempt: AttemptToRecord): Promise<ReviewState> {
  const { learnerId, exercise, score, now } = attempt;
  const key = { learnerId_exerciseId: { learnerId, exerciseId: exercise.id } };
  return prisma.$transaction(async (tx) => {
    const previous = await tx.exerciseReview.findUnique({ where: key, select: { box: true, dueAt: true } });
    const next = scheduleReview(previous ?? undefined, score.correct, now);
    await tx.trainingAttempt.create({
      data: {
        learnerId,
        exerciseId: exercise.id,
        kind: exercise.kind,
        caseId: exercise.caseId,
        rootCause: exercise.rootCause,
        correct: score.correct,
        stepCorrect: score.stepCorrect,
        causeCorrect: score.causeCorrect,
        lineCorrect: score.lineCorrect,
        durationMs: attempt.durationMs,
        answer: JSON.stringify(attempt.answer),
        createdAt: now,
      },
    });
    await tx.exerciseReview.upsert({ where: key, create: { learnerId, exerciseId: exercise.id, ...next }, update: next });
    return next;
  });
}

/** The learner's Leitner state per drill id. */
export async function loadReviews(prisma: PrismaClient, learnerId: string): Promise<Map<string, ReviewState>> {
  const rows = await prisma.exerciseReview.findMany({ where: { learnerId }, select: { exerciseId: true, box: true, dueAt: true } });
  return new Map(rows.map((r) => [r.exerciseId, { box: r.box, dueAt: r.dueAt }]));
}

/** Attempts newest first, of one learner or of everyone. Rows are re-checked as they are read. */
export async function listAttempts(prisma: PrismaClient, { learnerId, limit = 5000 }: { learnerId?: string; limit?: number } = {}): Promise<AttemptRecord[]> {
  const rows = await prisma.trainingAttempt.findMany({
    where: learnerId ? { learnerId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { learner: { select: { name: true } } },
  });
  return rows.flatMap(({ learner, answer: _answer, ...row }) => {
    const cause = rootCauseIdSchema.safeParse(row.rootCause);
    if (!cause.success || (row.kind !== "ticket" && row.kind !== "signal")) return [];
    return [{ ...row, kind: row.kind, rootCause: cause.data, learnerName: learner.name }];
  });
}

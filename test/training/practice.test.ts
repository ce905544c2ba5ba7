import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrisma } from "@/lib/db";
import type { TicketDrill } from "@/lib/training/exercise";
import { getLearnerQueue, submitAttempt } from "@/lib/training/practice";
import { findOrCreateLearner, listAttempts, loadReviews } from "@/lib/training/repository";
import type { PrismaClient } from "@/generated/prisma/client";

import { backends, createMigratedDatabase } from "../db/databases";
import { catalogue } from "./fixtures";

const tickets = catalogue.exercises.filter((e): e is TicketDrill => e.kind === "ticket");
const rightAnswer = (drill: TicketDrill) => ({ kind: "ticket" as const, stepId: drill.steps.find((s) => s.right)!.id, causeId: drill.rootCause });
const wrongAnswer = (drill: TicketDrill) => ({
  kind: "ticket" as const,
  stepId: drill.steps.find((s) => !s.right)!.id,
  causeId: drill.causes.find((c) => c.id !== drill.rootCause)!.id,
});
const now = new Date("2026-11-22T10:00:00Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
describe.each(backends)("training repository on %s", (dialect) => {
  let url: string;
  let prisma: PrismaClient;
  beforeAll(async () => {
    url = await createMigratedDatabase(dialect);
    prisma = createPrisma(url);
  });
  afterAll(() => prisma.$disconnect());

  describe("findOrCreateLearner", () => {
    it("creates a learner once and finds the same one by name in any case and spacing", async () => {
      const first = await findOrCreateLearner(prisma, "  Mei  Chen ");
      const again = await findOrCreateLearner(prisma, "mei chen");
      expect(first).toMatchObject({ created: true, learner: { name: "Mei Chen" } });
      expect(again).toEqual({ created: false, learner: first.learner });
    });

    it("refuses a name with markup", async () => {
      await expect(findOrCreateLearner(prisma, "<script>")).rejects.toThrow(/letters, digits/);
    });
  });

  describe("submitAttempt", () => {
    it("scores, stores the attempt and reschedules: a miss comes back in 10 minutes, a success tomorrow", async () => {
      const { learner } = await findOrCreateLearner(prisma, "Ada");
      const [missed, solved] = tickets;
      const miss = await submitAttempt(
        prisma,
        catalogue,
        { learnerId: learner.id, exerciseId: missed.id, durationMs: 42_000, answer: wrongAnswer(missed) },
        now,
      );
      const hit = await submitAttempt(prisma, catalogue, { learnerId: learner.id, exerciseId: solved.id, durationMs: 9_000, answer: rightAnswer(solved) }, now);

      expect(miss.feedback.score).toEqual({ correct: false, stepCorrect: false, causeCorrect: false, lineCorrect: null });
      expect(miss.review).toEqual({ box: 1, dueAt: later(10).toISOString() });
      expect(hit.review).toEqual({ box: 2, dueAt: later(24 * 60).toISOString() });
      expect(hit.next?.id).not.toBe(solved.id);

      const stored = await listAttempts(prisma, { learnerId: learner.id });
      expect(stored.map((a) => [a.exerciseId, a.correct, a.durationMs, a.rootCause])).toEqual([
        [solved.id, true, 9_000, solved.rootCause],
        [missed.id, false, 42_000, missed.rootCause],
      ]);
    });

    it("puts the missed drill first in the queue once its break is over", async () => {
      const { learner } = await findOrCreateLearner(prisma, "Bo");
      const [missed] = tickets;
      await submitAttempt(prisma, catalogue, { learnerId: learner.id, exerciseId: missed.id, durationMs: 1_000, answer: wrongAnswer(missed) }, now);
      const soon = await getLearnerQueue(prisma, catalogue, learner.id, later(5));
      const afterBreak = await getLearnerQueue(prisma, catalogue, learner.id, later(11));
      expect(soon.entries[0].id).not.toBe(missed.id);
      expect(soon.entries.find((e) => e.id === missed.id)?.status).toBe("scheduled");
      expect(afterBreak.entries[0]).toMatchObject({ id: missed.id, status: "due", box: 1 });
    });

    it("answers 404 for an unknown drill or learner and 422 for an answer the drill did not offer", async () => {
      const { learner } = await findOrCreateLearner(prisma, "Cy");
      const [drill] = tickets;
      await expect(
        submitAttempt(prisma, catalogue, { learnerId: learner.id, exerciseId: "t-0000000000", durationMs: 1, answer: rightAnswer(drill) }),
      ).rejects.toMatchObject({ status: 404 });
      await expect(
        submitAttempt(prisma, catalogue, { learnerId: "nobody", exerciseId: drill.id, durationMs: 1, answer: rightAnswer(drill) }),
      ).rejects.toMatchObject({ status: 404 });
      await expect(
        submitAttempt(prisma, catalogue, {
          learnerId: learner.id,
          exerciseId: drill.id,
          durationMs: 1,
          answer: { ...rightAnswer(drill), stepId: "not-offered" },
        }),
      ).rejects.toMatchObject({ path: "answer.stepId" });
      expect(await listAttempts(prisma, { learnerId: learner.id })).toEqual([]);
    });
  });

  describe("progress across a restart", () => {
    it("is read back by a new client on the same database", async () => {
      const { learner } = await findOrCreateLearner(prisma, "Dee");
      const [drill] = tickets;
      await submitAttempt(prisma, catalogue, { learnerId: learner.id, exerciseId: drill.id, durationMs: 5_000, answer: rightAnswer(drill) }, now);
      const before = { attempts: await listAttempts(prisma, { learnerId: learner.id }), reviews: await loadReviews(prisma, learner.id) };
      await prisma.$disconnect();

      const restarted = createPrisma(url);
      try {
        expect(await listAttempts(restarted, { learnerId: learner.id })).toEqual(before.attempts);
        expect(await loadReviews(restarted, learner.id)).toEqual(before.reviews);
        expect((await findOrCreateLearner(restarted, "dee")).learner.id).toBe(learner.id);
      } finally {
        await restarted.$disconnect();
      }
    });
  });
});

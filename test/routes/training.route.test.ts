import { beforeAll, describe, expect, it } from "vitest";

import { getExerciseCatalogue } from "@/lib/training/catalogue";
import type { SignalDrill, TicketDrill } from "@/lib/training/exercise";
import { POST as postAttempt } from "@/app/api/train/attempts/route";
import { POST as postLearner } from "@/app/api/train/learners/route";
import { GET as getQueue } from "@/app/api/train/queue/route";
import { backends, useAppDatabase } from "@/test/db/databases";

const post = (handler: (request: Request) => Promise<Response>, body: unknown, headers: Record<string, string> = {}) =>
  handler(
    new Request("http://localhost/api/train", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    }),
  );

const catalogue = getExerciseCatalogue();
const ticket = catalogue.exercises.find((e): e is TicketDrill => e.kind === "ticket")!;
const signal = catalogue.exercises.find((e): e is SignalDrill => e.kind === "signal")!;

async function learnerId(name: string): Promise<string> {
  return (await (await post(postLearner, { name })).json()).id;
}

describe.each(backends)("training routes on %s", (dialect) => {
  beforeAll(async () => {
    await useAppDatabase(dialect);
  });

  describe("POST /api/train/learners", () => {
    it("answers 201 with the new learner, then 200 with the same one", async () => {
      const created = await post(postLearner, { name: "Ada Lovelace" });
      const again = await post(postLearner, { name: "ada lovelace" });
      expect(created.status).toBe(201);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(await created.json());
    });

    it("answers 422 naming the field for a bad name and 400 for malformed JSON", async () => {
      const bad = await post(postLearner, { name: "" });
      expect(bad.status).toBe(422);
      expect((await bad.json()).error).toMatch(/^name: /);
      expect((await post(postLearner, "{nope")).status).toBe(400);
    });
  });

  describe("POST /api/train/attempts", () => {
    it("stores a ticket attempt and answers the feedback, the new box and the next drill", async () => {
      const id = await learnerId("Grace");
      const response = await post(postAttempt, {
        learnerId: id,
        exerciseId: ticket.id,
        durationMs: 12_000,
        answer: { kind: "ticket", stepId: ticket.steps.find((s) => s.right)!.id, causeId: ticket.rootCause },
      });
      expect(response.status).toBe(201);
      const body = await response.json();
      expect(body.feedback).toMatchObject({ kind: "ticket", score: { correct: true }, cause: { id: ticket.rootCause } });
      expect(body.review.box).toBe(2);
      expect(body.next.id).not.toBe(ticket.id);
    });

    it("explains the feedback in the language the attempt names, scoring it the same", async () => {
      const id = await learnerId("Wang Fang");
      const response = await post(postAttempt, {
        learnerId: id,
        exerciseId: ticket.id,
        durationMs: 9_000,
        answer: { kind: "ticket", stepId: ticket.steps.find((s) => s.right)!.id, causeId: ticket.rootCause },
        lang: "zh",
      });
      const { feedback } = await response.json();
      expect(feedback.score.correct).toBe(true);
      expect(feedback.chosenStep.why).toMatch(/[\u3400-\u9fff]/);
    });

    it("scores a signal attempt by the line", async () => {
      const id = await learnerId("Linus");
      const response = await post(postAttempt, {
        learnerId: id,
        exerciseId: signal.id,
        durationMs: 3_000,
        answer: { kind: "signal", line: signal.telling[0].lineNumber },
      });
      expect((await response.json()).feedback.score).toEqual({ correct: true, stepCorrect: null, causeCorrect: null, lineCorrect: true });
    });

    it("answers 422 naming the field for a bad payload", async () => {
      const id = await learnerId("Ken");
      const cases: [unknown, RegExp][] = [
        [{ learnerId: id, exerciseId: ticket.id, durationMs: -1, answer: { kind: "signal", line: 1 } }, /^durationMs: /],
        [{ learnerId: id, exerciseId: "ticket-1", durationMs: 1, answer: { kind: "signal", line: 1 } }, /^exerciseId: /],
        [{ learnerId: id, exerciseId: ticket.id, durationMs: 1, answer: { kind: "signal", line: 1 } }, /^answer\.kind: /],
        [{ learnerId: id, exerciseId: ticket.id, durationMs: 1, answer: { kind: "ticket", stepId: "x", causeId: "gremlins" } }, /^answer\.causeId: /],
        [{ learnerId: id, exerciseId: signal.id, durationMs: 1, answer: { kind: "signal", line: 999 } }, /^answer\.line: /],
      ];
      for (const [body, error] of cases) {
        const response = await post(postAttempt, body);
        expect(response.status).toBe(422);
        expect((await response.json()).error).toMatch(error);
      }
    });

    it("answers 404 for a drill or learner that does not exist", async () => {
      const id = await learnerId("Barbara");
      const unknownDrill = await post(postAttempt, { learnerId: id, exerciseId: "t-0000000000", durationMs: 1, answer: { kind: "signal", line: 1 } });
      const unknownLearner = await post(postAttempt, { learnerId: "nobody", exerciseId: signal.id, durationMs: 1, answer: { kind: "signal", line: 1 } });
      expect([unknownDrill.status, unknownLearner.status]).toEqual([404, 404]);
      expect((await unknownDrill.json()).error).toMatch(/^exerciseId: /);
      expect((await unknownLearner.json()).error).toMatch(/^learnerId: /);
    });

    it("answers 413 for an oversized body", async () => {
      const response = await post(postAttempt, { padding: "x".repeat(20_000) });
      expect(response.status).toBe(413);
    });
  });

  describe("GET /api/train/queue", () => {
    it("lists every drill for the learner, new ones marked new", async () => {
      const id = await learnerId("Edsger");
      const response = await getQueue(new Request(`http://localhost/api/train/queue?learner=${id}`));
      const body = await response.json();
      expect(body.learner.name).toBe("Edsger");
      expect(body.entries).toHaveLength(catalogue.exercises.length);
      expect(new Set(body.entries.map((e: { status: string }) => e.status))).toEqual(new Set(["new"]));
    });

    it("teases the drills in the language asked for", async () => {
      const id = await learnerId("Lin");
      const body = await (await getQueue(new Request(`http://localhost/api/train/queue?learner=${id}&lang=zh`))).json();
      const signalEntry = body.entries.find((e: { id: string }) => e.id === signal.id);
      expect(signalEntry.teaser).toMatch(/ 输出$/);
      expect(body.entries.every((e: { teaser: string }) => /[\u3400-\u9fff]/.test(e.teaser))).toBe(true);
      expect((await getQueue(new Request(`http://localhost/api/train/queue?learner=${id}&lang=fr`))).status).toBe(422);
    });

    it("answers 422 without a learner and 404 for an unknown one", async () => {
      expect((await getQueue(new Request("http://localhost/api/train/queue"))).status).toBe(422);
      expect((await getQueue(new Request("http://localhost/api/train/queue?learner=nobody"))).status).toBe(404);
    });
  });
});

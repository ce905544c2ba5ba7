import { describe, expect, it } from "vitest";

import { FieldError } from "@/lib/field-error";
import type { SignalDrill, TicketDrill } from "@/lib/training/exercise";
import { scoreAnswer } from "@/lib/training/scoring";

const titleOf = (id: string) => `title of ${id}`;

/** The FieldError the call throws (fails the test when it throws nothing or something else). */
function thrownBy(call: () => unknown): FieldError {
  try {
    call();
  } catch (error) {
    if (error instanceof FieldError) return error;
    throw error;
  }
  throw new Error("expected a FieldError");
}

const step = (id: string, right: boolean) => ({ id, kind: "command" as const, label: id, title: id, right, why: "" });

const ticket: TicketDrill = {
  kind: "ticket",
  id: "t-0000000001",
  caseId: "some-case",
  caseTitle: "Some case",
  rootCause: "mtu-mismatch",
  symptom: { id: "slow", label: "Slow" },
  issue: [],
  environment: [],
  steps: [step("ping-df", true), step("mtr", false), step("curl", false)],
  reveal: { kind: "output", output: "x" },
  causes: [
    { id: "mtu-mismatch", title: "MTU" },
    { id: "isp-routing-loss", title: "ISP" },
  ],
  explanation: { reasoning: [], spotNextTime: [], evidence: [] },
};

const signal: SignalDrill = {
  kind: "signal",
  id: "s-0000000001",
  caseId: "some-case",
  caseTitle: "Some case",
  rootCause: "kernel-bug",
  source: "dmesg",
  lines: ["a", "b", "c", "d"],
  telling: [{ lineNumber: 3, line: "c", evidence: [] }],
};

describe("scoreAnswer for a ticket drill", () => {
  it("is correct only when both the first step and the cause are right", () => {
    const score = (stepId: string, causeId: "mtu-mismatch" | "isp-routing-loss") => scoreAnswer(ticket, { kind: "ticket", stepId, causeId }, titleOf).score;
    expect(score("ping-df", "mtu-mismatch")).toEqual({ correct: true, stepCorrect: true, causeCorrect: true, lineCorrect: null });
    expect(score("mtr", "mtu-mismatch")).toEqual({ correct: false, stepCorrect: false, causeCorrect: true, lineCorrect: null });
    expect(score("ping-df", "isp-routing-loss")).toEqual({ correct: false, stepCorrect: true, causeCorrect: false, lineCorrect: null });
  });

  it("explains with every step, the chosen ones and the real cause", () => {
    const feedback = scoreAnswer(ticket, { kind: "ticket", stepId: "mtr", causeId: "isp-routing-loss" }, titleOf);
    expect(feedback).toMatchObject({
      chosenStep: { id: "mtr" },
      chosenCause: { id: "isp-routing-loss" },
      cause: { id: "mtu-mismatch", title: "title of mtu-mismatch" },
    });
    expect(feedback.kind === "ticket" && feedback.steps).toHaveLength(3);
  });

  it("refuses a step or cause the drill did not offer, naming the field", () => {
    expect(thrownBy(() => scoreAnswer(ticket, { kind: "ticket", stepId: "nope", causeId: "mtu-mismatch" }, titleOf))).toMatchObject({ path: "answer.stepId" });
    expect(thrownBy(() => scoreAnswer(ticket, { kind: "ticket", stepId: "mtr", causeId: "kernel-bug" }, titleOf))).toMatchObject({
      path: "answer.causeId",
      message: expect.stringMatching(/not one of the causes/),
    });
  });

  it("refuses an answer of the other kind", () => {
    expect(thrownBy(() => scoreAnswer(ticket, { kind: "signal", line: 1 }, titleOf))).toMatchObject({
      path: "answer.kind",
      message: expect.stringMatching(/is a ticket drill, not a signal drill/),
    });
  });
});

describe("scoreAnswer for a signal drill", () => {
  it("is correct when the chosen line is a telling one", () => {
    expect(scoreAnswer(signal, { kind: "signal", line: 3 }, titleOf).score).toEqual({
      correct: true,
      stepCorrect: null,
      causeCorrect: null,
      lineCorrect: true,
    });
    expect(scoreAnswer(signal, { kind: "signal", line: 2 }, titleOf).score.correct).toBe(false);
  });

  it("refuses a line outside the output", () => {
    expect(thrownBy(() => scoreAnswer(signal, { kind: "signal", line: 5 }, titleOf))).toMatchObject({
      path: "answer.line",
      message: expect.stringMatching(/from 1 to 4/),
    });
  });
});

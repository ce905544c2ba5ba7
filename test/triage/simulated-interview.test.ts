import { describe, expect, it } from "vitest";

import { caseTickets, devTickets, holdoutTickets, MAX_STEPS, walk, type Walk } from "./walk-simulation";

/** Steps within which the true cause should rank first. */
const WITHIN = 6;

function summarise(label: string, walks: Walk[]) {
  const steps = walks.map((w) => w.stepsToRankOne ?? MAX_STEPS + 1).sort((a, b) => a - b);
  const summary = {
    reached: walks.filter((w) => (w.stepsToRankOne ?? Infinity) <= WITHIN).length,
    median: steps[Math.floor(steps.length / 2)],
    zeroGain: walks.reduce((n, w) => n + w.zeroGainSteps, 0),
    redundant: walks.reduce((n, w) => n + w.redundantQuestions, 0),
    wrongConfirmations: walks.reduce((n, w) => n + w.confirmationsOffered.filter((c) => c !== w.ticket.cause && !w.ticket.also.includes(c)).length, 0),
    confirmedTrue: walks.filter((w) => w.confirmedTrue).length,
  };
  console.log(
    `simulated interview (${label}): ${summary.reached}/${walks.length} reach the true cause at rank 1 within ${WITHIN} steps, ` +
      `median ${summary.median} steps, ${summary.zeroGain} zero-gain steps proposed, ${summary.redundant} questions already answered by evidence, ` +
      `${summary.wrongConfirmations} confirmations offered on a wrong cause, ${summary.confirmedTrue} walks confirm the true cause within ${MAX_STEPS} steps`,
  );
  return summary;
}

describe("simulated interview (oracle answers only from the ticket's facts)", () => {
  it("on every resolved case, starting from the reporter's words", () => {
    const summary = summarise("resolved cases", caseTickets().map(walk));
    expect(summary.zeroGain).toBe(0);
    expect(summary.redundant).toBe(0);
    expect(summary.median).toBeLessThanOrEqual(2);
    // The text model is trained on these cases, so this measures the walk, not generalisation.
    expect(summary.reached).toBeGreaterThanOrEqual(42);
  });

  it("on the dev tickets of the real-ticket work", () => {
    const summary = summarise("dev tickets", [...devTickets("dev.json"), ...devTickets("dev2.json"), ...devTickets("real-dev.json")].map(walk));
    expect(summary.reached).toBeGreaterThanOrEqual(295);
    expect(summary.zeroGain).toBe(0);
    expect(summary.redundant).toBe(0);
  });

  it("on the real holdout tickets (only scored; the engine never learned from them)", () => {
    const summary = summarise("real holdout", holdoutTickets("real-holdout.json").map(walk));
    expect(summary.zeroGain).toBe(0);
    expect(summary.redundant).toBe(0);
    expect(summary.reached).toBeGreaterThanOrEqual(70);
  });
});

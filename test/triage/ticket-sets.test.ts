// Accuracy and calibration on labelled tickets. content/tickets holds the confirmed tickets the
// engine learns from (dev and dev2 written blind by the team, real-dev from public reports): they are
// scored by five-fold cross-validation, so the text model never sees the ticket it scores.
// test/triage/tickets holds sets that are only scored: holdout and holdout2 (written blind by the
// team) and real-holdout (public reports from sources the confirmed tickets do not use).
import path from "node:path";

import { describe, expect, it } from "vitest";

import { ROOT_CAUSE_IDS } from "@/lib/content/root-cause-ids";
import { expectedCalibrationError } from "@/lib/triage/calibration";
import { loadTicketSet, loadTicketSets, TICKETS_DIR } from "@/lib/triage/tickets";
import { crossValidate, formatReliability, HOLDOUT_DIR, predictions, scoreTickets, topK, type Scored } from "@/bench/ticket-sets";

import { CONTENT_DIR, knowledge, library } from "./case-fixtures";

function report(name: string, scored: Scored[]) {
  const ece = expectedCalibrationError(predictions(scored));
  console.log(
    `${name}: ${scored.length} tickets, top-1 ${topK(scored, 1).toFixed(2)}, top-3 ${topK(scored, 3).toFixed(2)}, ECE ${ece.toFixed(3)}\n${formatReliability(scored)}`,
  );
  return { top1: topK(scored, 1), top3: topK(scored, 3), ece };
}

describe("confirmed tickets (content/tickets), five-fold cross-validation", () => {
  const tickets = loadTicketSets(path.join(CONTENT_DIR, TICKETS_DIR));

  it("covers every root cause in English and Chinese, from real reports too", () => {
    expect(new Set(tickets.map((t) => t.expected))).toEqual(new Set(ROOT_CAUSE_IDS));
    expect(new Set(tickets.map((t) => t.lang))).toEqual(new Set(["en", "zh"]));
    expect(tickets.filter((t) => t.source).length).toBeGreaterThanOrEqual(100);
  });

  it("ranks the cause first and in the top 3 out of fold, with calibrated scores", () => {
    const { top1, top3, ece } = report("confirmed tickets, out of fold", crossValidate(tickets, library, knowledge.trees));
    expect(top1).toBeGreaterThanOrEqual(0.8);
    expect(top3).toBeGreaterThanOrEqual(0.92);
    expect(ece).toBeLessThanOrEqual(0.06);
  });
});

const HOLDOUTS = [
  { file: "holdout.json", minTop1: 0.8, minTop3: 0.88, maxEce: 0.12 },
  { file: "holdout2.json", minTop1: 0.93, minTop3: 0.95, maxEce: 0.07 },
  { file: "real-holdout.json", minTop1: 0.74, minTop3: 0.84, maxEce: 0.14 },
];

describe.each(HOLDOUTS)("scored only: test/triage/tickets/$file", ({ file, minTop1, minTop3, maxEce }) => {
  const tickets = loadTicketSet(path.join(HOLDOUT_DIR, file));

  it("holds top-1, top-3 and calibration error at their measured levels", () => {
    const { top1, top3, ece } = report(file, scoreTickets(tickets, knowledge));
    expect(top1).toBeGreaterThanOrEqual(minTop1);
    expect(top3).toBeGreaterThanOrEqual(minTop3);
    expect(ece).toBeLessThanOrEqual(maxEce);
  });
});

it("names every real holdout report's source, with at least 20 in Chinese", () => {
  const tickets = loadTicketSet(path.join(HOLDOUT_DIR, "real-holdout.json"));
  expect(tickets.every((t) => t.source && t.sourceKind)).toBe(true);
  expect(tickets.filter((t) => t.lang === "zh").length).toBeGreaterThanOrEqual(20);
});

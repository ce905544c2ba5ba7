// npm run triage:evaluate: how the engine scores on every ticket set, with the confirmed tickets'
// honest figure (five-fold cross-validation: the text model never sees the ticket it scores) and
// the temperature that calibrates the scores on those out-of-fold predictions.
import path from "node:path";

import { createContentLibrary, type ContentLibrary } from "../lib/content/library";
import { loadContent } from "../lib/content/load-content";
import { expectedCalibrationError, reliabilityTable, type Prediction } from "../lib/triage/calibration";
import { diagnose } from "../lib/triage/diagnose";
import { buildTriageKnowledge, type TriageKnowledge } from "../lib/triage/knowledge";
import { loadTrees } from "../lib/triage/load-trees";
import { SCORE_TEMPERATURE } from "../lib/triage/rank";
import { loadTicketSet, loadTicketSets, TICKETS_DIR, type LabelledTicket } from "../lib/triage/tickets";
import type { Tree } from "../lib/triage/tree-schema";

export const CONTENT_DIR = path.join(import.meta.dirname, "../content");
export const HOLDOUT_DIR = path.join(import.meta.dirname, "../test/triage/tickets");

export type Scored = { ticket: LabelledTicket; position: number; ranked: { id: string; score: number }[] };

/** Where each ticket's expected (or an acceptable) cause lands in the ranking. */
export function scoreTickets(tickets: LabelledTicket[], knowledge: TriageKnowledge): Scored[] {
  return tickets.map((ticket) => {
    const ranked = diagnose({ description: ticket.description, outputs: ticket.outputs }, knowledge).rootCauses.map((c) => ({ id: c.id, score: c.score }));
    const position = ranked.findIndex((c) => c.id === ticket.expected || ticket.also.includes(c.id as never));
    return { ticket, position, ranked };
  });
}

/** Out-of-fold scores: each fold is scored by knowledge learned from the library and the other folds. */
export function crossValidate(tickets: LabelledTicket[], library: ContentLibrary, trees: Tree[], folds = 5): Scored[] {
  const scored: Scored[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = tickets.filter((_, i) => i % folds !== fold);
    const test = tickets.filter((_, i) => i % folds === fold);
    scored.push(...scoreTickets(test, buildTriageKnowledge(library, trees, train)));
  }
  return scored;
}

export const topK = (scored: Scored[], k: number) => scored.filter((s) => s.position >= 0 && s.position < k).length / scored.length;

export const predictions = (scored: Scored[]): Prediction[] => scored.map((s) => ({ confidence: s.ranked[0].score, correct: s.position === 0 }));

/** The scores a temperature would give, from scores made at SCORE_TEMPERATURE (the listed causes renormalised). */
function rescale(ranked: { score: number }[], temperature: number): number[] {
  const powered = ranked.map((c) => Math.pow(c.score, SCORE_TEMPERATURE / temperature));
  const sum = powered.reduce((a, b) => a + b, 0);
  return powered.map((p) => p / sum);
}

/** The temperature (on a grid) that minimises the calibration error of the top cause over `scored`. */
export function fitTemperature(scored: Scored[]): { temperature: number; ece: number } {
  let best = { temperature: SCORE_TEMPERATURE, ece: Number.POSITIVE_INFINITY };
  for (let t = 0.3; t <= 3.001; t += 0.05) {
    const ece = expectedCalibrationError(scored.map((s) => ({ confidence: rescale(s.ranked, t)[0], correct: s.position === 0 })));
    if (ece < best.ece) best = { temperature: Number(t.toFixed(2)), ece };
  }
  return best;
}

export function formatReliability(scored: Scored[]): string {
  return reliabilityTable(predictions(scored))
    .map(
      (b) =>
        `  ${b.from.toFixed(1)}-${b.to.toFixed(1)}  n=${String(b.count).padStart(3)}  shown ${b.meanConfidence.toFixed(2)}  right ${b.accuracy.toFixed(2)}`,
    )
    .join("\n");
}

function main() {
  const { cases, rootCauses } = loadContent(CONTENT_DIR);
  const library = createContentLibrary(cases, rootCauses);
  const trees = loadTrees(CONTENT_DIR);
  const confirmed = loadTicketSets(path.join(CONTENT_DIR, TICKETS_DIR));
  const knowledge = buildTriageKnowledge(library, trees, confirmed);

  const outOfFold = crossValidate(confirmed, library, trees);
  const fit = fitTemperature(outOfFold);
  console.log(
    `confirmed tickets (content/tickets, ${confirmed.length}), five-fold: top-1 ${topK(outOfFold, 1).toFixed(3)}, top-3 ${topK(outOfFold, 3).toFixed(3)}, ECE ${expectedCalibrationError(predictions(outOfFold)).toFixed(3)}`,
  );
  console.log(`  best temperature on these out-of-fold scores: ${fit.temperature} (ECE ${fit.ece.toFixed(3)}); in use: ${SCORE_TEMPERATURE}`);
  console.log(formatReliability(outOfFold));
  for (const file of ["holdout.json", "holdout2.json", "real-holdout.json"]) {
    const scored = scoreTickets(loadTicketSet(path.join(HOLDOUT_DIR, file)), knowledge);
    console.log(
      `${file} (${scored.length}): top-1 ${topK(scored, 1).toFixed(3)}, top-3 ${topK(scored, 3).toFixed(3)}, ECE ${expectedCalibrationError(predictions(scored)).toFixed(3)}`,
    );
    console.log(formatReliability(scored));
  }
}

if (process.argv[1] === import.meta.filename) main();

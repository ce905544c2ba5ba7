/**
 * What the engine's scores mean. A cause's score is a probability; these helpers measure how well
 * it is calibrated (of the tickets whose top cause is shown at about p, about p should be right)
 * and turn the top score into a word.
 */

export type Confidence = "high" | "medium" | "low";

/** The top cause's probability from which the result is called high, and medium, confidence. */
export const CONFIDENCE_THRESHOLDS = { high: 0.7, medium: 0.4 } as const;

/**
 * high: the leading cause is likely (p >= 0.7); medium: it leads but others remain plausible
 * (0.4 <= p < 0.7); low: no cause is well supported yet (p < 0.4).
 */
export function confidenceOf(topScore: number): Confidence {
  if (topScore >= CONFIDENCE_THRESHOLDS.high) return "high";
  if (topScore >= CONFIDENCE_THRESHOLDS.medium) return "medium";
  return "low";
}

export type Prediction = { confidence: number; correct: boolean };
export type ReliabilityBin = { from: number; to: number; count: number; meanConfidence: number; accuracy: number };

/** Predictions binned by confidence in `bins` equal-width bins (empty bins left out). */
export function reliabilityTable(predictions: Prediction[], bins = 10): ReliabilityBin[] {
  const table: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const inBin = predictions.filter((p) => p.confidence >= from && (p.confidence < to || (b === bins - 1 && p.confidence <= to)));
    if (inBin.length === 0) continue;
    const meanConfidence = inBin.reduce((sum, p) => sum + p.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((p) => p.correct).length / inBin.length;
    table.push({ from, to, count: inBin.length, meanConfidence, accuracy });
  }
  return table;
}

/** Expected calibration error: the count-weighted mean gap between confidence and accuracy over the bins. */
export function expectedCalibrationError(predictions: Prediction[], bins = 10): number {
  if (predictions.length === 0) return 0;
  return reliabilityTable(predictions, bins).reduce((sum, bin) => sum + (bin.count / predictions.length) * Math.abs(bin.meanConfidence - bin.accuracy), 0);
}

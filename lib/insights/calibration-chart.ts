import type { ReliabilityBin } from "../triage/calibration";

/** A bin's point, with its mean score shown and share right (whole percents) and its number of sessions. */
export type CalibrationPoint = { cx: number; cy: number; r: number; shown: number; right: number; count: number };
export type CalibrationLayout = {
  width: number;
  height: number;
  left: number;
  top: number;
  plot: number;
  ticks: { at: number; label: string }[];
  points: CalibrationPoint[];
};

/**
 * A reliability diagram: one point per confidence bin, at the scores shown (x) and how often the top
 * cause was right (y), its area growing with the number of sessions; the diagonal is perfect calibration. Pure.
 */
export function layoutCalibrationChart(bins: ReliabilityBin[], { plot = 260, left = 48, top = 12 } = {}): CalibrationLayout {
  const most = Math.max(1, ...bins.map((b) => b.count));
  return {
    width: left + plot + 16,
    height: top + plot + 44,
    left,
    top,
    plot,
    ticks: [0, 0.25, 0.5, 0.75, 1].map((share) => ({ at: share * plot, label: `${Math.round(share * 100)}%` })),
    points: bins.map((bin) => ({
      cx: left + bin.meanConfidence * plot,
      cy: top + (1 - bin.accuracy) * plot,
      r: 3 + 7 * Math.sqrt(bin.count / most),
      shown: Math.round(bin.meanConfidence * 100),
      right: Math.round(bin.accuracy * 100),
      count: bin.count,
    })),
  };
}

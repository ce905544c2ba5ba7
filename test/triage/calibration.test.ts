import { describe, expect, it } from "vitest";

import { confidenceOf, expectedCalibrationError, reliabilityTable } from "@/lib/triage/calibration";
import { diagnose } from "@/lib/triage/diagnose";

import { knowledge } from "./case-fixtures";

describe("calibration", () => {
  it("measures the gap between shown confidence and accuracy", () => {
    const perfect = [0.95, 0.95, 0.25, 0.25, 0.25, 0.25].map((confidence, i) => ({ confidence, correct: i < 2 || i === 2 }));
    expect(expectedCalibrationError(perfect)).toBeCloseTo((2 / 6) * 0.05 + (4 / 6) * 0, 5);
    const overconfident = Array.from({ length: 10 }, () => ({ confidence: 0.9, correct: false }));
    expect(expectedCalibrationError(overconfident)).toBeCloseTo(0.9, 5);
    expect(reliabilityTable([{ confidence: 1, correct: true }])).toEqual([{ from: 0.9, to: 1, count: 1, meanConfidence: 1, accuracy: 1 }]);
  });

  it("names the confidence by the documented thresholds", () => {
    expect([0.95, 0.7, 0.69, 0.4, 0.39, 0].map(confidenceOf)).toEqual(["high", "high", "medium", "medium", "low", "low"]);
  });

  it("says low when nothing is known and high on decisive evidence", () => {
    expect(diagnose({ description: "the network is broken" }, knowledge).confidence).toBe("low");
    const decisive = diagnose(
      {
        description: "New connections to our API time out at peak.",
        outputs: [{ text: "[Tue Apr  9 20:02:41 2024] nf_conntrack: nf_conntrack: table full, dropping packet\nnf_conntrack: table full, dropping packet" }],
      },
      knowledge,
    );
    expect(decisive.rootCauses[0].id).toBe("conntrack-table-full");
    expect(decisive.confidence).toBe("high");
  });
});

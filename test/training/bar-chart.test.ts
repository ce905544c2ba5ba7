import { describe, expect, it } from "vitest";

import { CAPTION_WIDTH, layoutBarChart, layoutColumnChart } from "@/lib/training/bar-chart";

describe("layoutBarChart", () => {
  it("stacks one row per datum and scales bars to the plot width", () => {
    const layout = layoutBarChart(
      [
        { label: "a", value: 1, caption: "100%" },
        { label: "b", value: 0.5, caption: "50%" },
        { label: "c", value: null, caption: "–" },
      ],
      { width: 500, labelWidth: 100, rowHeight: 20 },
    );
    const plot = 500 - 100 - CAPTION_WIDTH;
    expect(layout.rows.map((r) => [r.y, r.width])).toEqual([
      [0, plot],
      [20, plot / 2],
      [40, 0],
    ]);
    expect(layout.height).toBe(60);
    expect(layout.plotWidth).toBe(plot);
  });
});

describe("layoutColumnChart", () => {
  it("places columns left to right with heights by value, clamped to the plot", () => {
    const layout = layoutColumnChart(
      [
        { label: "20", value: 0.25, caption: "" },
        { label: "21", value: 2, caption: "" },
      ],
      { width: 206, plotHeight: 100, gap: 6 },
    );
    expect(layout.columns.map((c) => [c.x, c.height])).toEqual([
      [0, 25],
      [106, 100],
    ]);
  });
});

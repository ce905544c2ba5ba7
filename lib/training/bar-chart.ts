/** Geometry for the trainer view's server-rendered SVG charts. Values are shares from 0 to 1. */
export type ChartDatum = { label: string; value: number | null; caption: string };

export type BarRow = ChartDatum & { y: number; width: number };
export type BarChartLayout = { width: number; height: number; labelWidth: number; plotWidth: number; barHeight: number; rows: BarRow[] };

/** Room right of the plot for a caption such as "100% · 12/12". */
export const CAPTION_WIDTH = 100;

/** Horizontal bars, one row per datum, scaled to the plot width; a null value draws no bar. Pure. */
export function layoutBarChart(data: ChartDatum[], { width = 760, labelWidth = 330, rowHeight = 28, barHeight = 18 } = {}): BarChartLayout {
  const plot = width - labelWidth - CAPTION_WIDTH;
  return {
    width,
    height: Math.max(rowHeight, data.length * rowHeight),
    labelWidth,
    plotWidth: plot,
    barHeight,
    rows: data.map((datum, i) => ({ ...datum, y: i * rowHeight, width: Math.round(clamp(datum.value ?? 0) * plot) })),
  };
}

export type Column = ChartDatum & { x: number; height: number };
export type ColumnChartLayout = { width: number; height: number; plotHeight: number; columnWidth: number; columns: Column[] };

/** Vertical columns left to right (time runs left to right). Pure. */
export function layoutColumnChart(data: ChartDatum[], { width = 480, plotHeight = 120, gap = 6 } = {}): ColumnChartLayout {
  const columnWidth = data.length === 0 ? 0 : Math.max(4, Math.floor((width - gap * (data.length - 1)) / data.length));
  return {
    width,
    height: plotHeight + 40,
    plotHeight,
    columnWidth,
    columns: data.map((datum, i) => ({ ...datum, x: i * (columnWidth + gap), height: Math.round(clamp(datum.value ?? 0) * plotHeight) })),
  };
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

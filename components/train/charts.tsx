import { layoutBarChart, layoutColumnChart, type ChartDatum } from "@/lib/training/bar-chart";

type ChartProps = { id: string; title: string; description: string; data: ChartDatum[] };

/** Horizontal bars (0–100%) with a label and a caption per row; an SVG drawn on the server. */
export function BarChart({ id, title, description, data }: ChartProps) {
  const layout = layoutBarChart(data);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {layout.rows.map((row) => (
          <g key={row.label} transform={`translate(0 ${row.y})`}>
            <title>{`${row.label}: ${row.caption}`}</title>
            <text x={layout.labelWidth - 8} y={layout.barHeight - 4} textAnchor="end" className="chart-label">
              {row.label.length > 48 ? `${row.label.slice(0, 47)}…` : row.label}
            </text>
            <rect x={layout.labelWidth} y={0} width={layout.plotWidth} height={layout.barHeight} className="chart-track" rx={3} />
            <rect x={layout.labelWidth} y={0} width={row.width} height={layout.barHeight} className="chart-bar" rx={3} />
            <text x={layout.labelWidth + row.width + 6} y={layout.barHeight - 4} className="chart-value">
              {row.caption}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** Columns over time (0–100%), with a caption under each; an SVG drawn on the server. */
export function ColumnChart({ id, title, description, data }: ChartProps) {
  const layout = layoutColumnChart(data);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={0} x2={layout.width} y1={layout.plotHeight} y2={layout.plotHeight} className="chart-axis" />
        {layout.columns.map((column) => (
          <g key={column.label} transform={`translate(${column.x} 0)`}>
            {column.value !== null && (
              <rect x={0} y={layout.plotHeight - column.height} width={layout.columnWidth} height={Math.max(column.height, 1)} className="chart-bar" rx={2} />
            )}
            <text x={layout.columnWidth / 2} y={layout.plotHeight + 14} textAnchor="middle" className="chart-value">
              {column.label}
            </text>
            <text x={layout.columnWidth / 2} y={layout.plotHeight + 30} textAnchor="middle" className="chart-label">
              {column.caption}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

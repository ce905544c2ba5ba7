import { useTranslations } from "next-intl";

import { layoutCalibrationChart } from "@/lib/insights/calibration-chart";
import type { ReliabilityBin } from "@/lib/triage/calibration";

type Props = { id: string; bins: ReliabilityBin[] };

/** Scores shown against how often the top cause was right; an SVG drawn on the server. */
export function CalibrationChart({ id, bins }: Props) {
  const t = useTranslations("insights");
  const layout = layoutCalibrationChart(bins);
  const { left, top, plot } = layout;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg calibration-chart">
        <title id={`${id}-title`}>{t("calibrationChartTitle")}</title>
        <desc id={`${id}-desc`}>{t("calibrationChartDescription")}</desc>
        <rect x={left} y={top} width={plot} height={plot} className="chart-track" />
        <line x1={left} y1={top + plot} x2={left + plot} y2={top} className="chart-axis calibration-diagonal" />
        {layout.ticks.map((tick) => (
          <g key={tick.label}>
            <text x={left + tick.at} y={top + plot + 16} textAnchor="middle" className="chart-label">
              {tick.label}
            </text>
            <text x={left - 6} y={top + plot - tick.at + 4} textAnchor="end" className="chart-label">
              {tick.label}
            </text>
          </g>
        ))}
        <text x={left + plot / 2} y={top + plot + 36} textAnchor="middle" className="chart-value">
          {t("calibrationAxisShown")}
        </text>
        <text transform="rotate(-90)" x={-(top + plot / 2)} y={12} textAnchor="middle" className="chart-value">
          {t("calibrationAxisRight")}
        </text>
        {layout.points.map((point) => (
          <circle key={`${point.cx}-${point.cy}`} cx={point.cx} cy={point.cy} r={point.r} className="chart-bar calibration-point">
            <title>{t("calibrationPoint", { shown: point.shown, right: point.right, count: point.count })}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}

"use client";

import { useLocale, useTranslations } from "next-intl";

import type { AttemptResult } from "@/lib/training/practice";
import { LocaleLink } from "@/components/i18n/locale-link";

import { formatDueIn, formatDuration } from "./format";

/** Score summary, when the drill comes back, and the way on. */
export function DrillResult({ result, durationMs, parts }: { result: AttemptResult; durationMs: number; parts: { label: string; right: boolean | null }[] }) {
  const t = useTranslations("drill");
  const locale = useLocale() === "zh" ? "zh" : "en";
  return (
    <div className={`drill-score ${result.feedback.score.correct ? "is-right" : "is-wrong"}`} role="status" data-testid="drill-score">
      <p className="drill-score-parts">
        {parts.map((part) => (
          <span key={part.label} className={part.right ? "mark-right" : "mark-wrong"}>
            {t("part", { label: part.label, right: String(Boolean(part.right)) })}
          </span>
        ))}
        <span>{t("time", { duration: formatDuration(durationMs, locale) })}</span>
      </p>
      <p className="card-meta">
        {t(result.feedback.score.correct ? "wellDone" : "comesBack")}{" "}
        {t("nextReview", { due: formatDueIn(result.review.dueAt, locale), box: result.review.box })}
      </p>
      <p className="button-row">
        {result.next && (
          <LocaleLink href={`/train/${result.next.id}`} className="button primary">
            {t("nextDrill")}
          </LocaleLink>
        )}
        <LocaleLink href="/train" className="button">
          {t("allDrills")}
        </LocaleLink>
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { getContentLibrary } from "@/lib/content/library";
import { causeTitle } from "@/lib/content/localized";
import { getPrisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { drillLabels } from "@/lib/training/drill-labels";
import { getLiveExerciseCatalogue } from "@/lib/training/live-catalogue";
import { accuracyByCause, accuracyByDay, summariseLearners, tally, weakestCauses } from "@/lib/training/progress";
import { listAttempts, listLearners } from "@/lib/training/repository";
import { learnerIdSchema } from "@/lib/training/schemas";
import { LocaleLink as Link } from "@/components/i18n/locale-link";
import { BarChart, ColumnChart } from "@/components/train/charts";
import { formatDuration, formatPercent } from "@/components/train/format";
import { requirePageViewer } from "@/app/_server/viewer";

export async function trainProgressMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "progress" });
  return { title: t("title") };
}

export type TrainProgressPageProps = { searchParams: Promise<{ learner?: string | string[] }> };

const RECENT_ATTEMPTS = 20;

const mark = (value: boolean | null) => (value === null ? "–" : value ? "✓" : "✗");

export async function TrainProgressPage({ locale, searchParams }: TrainProgressPageProps & { locale: Locale }) {
  setRequestLocale(locale);
  await requirePageViewer(localizePath("/train/progress", locale), "trainer");
  const t = await getTranslations("progress");
  const format = await getFormatter();
  const percent = (share: number | null) => formatPercent(share, locale);
  const duration = (ms: number) => formatDuration(ms, locale);
  const when = (date: Date) => `${format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  const trend = (earlier: number | null, later: number | null) => (earlier === null || later === null ? "–" : `${percent(earlier)} → ${percent(later)}`);
  const library = getContentLibrary();
  const titleOf = (id: string) => {
    const cause = library.getRootCause(id);
    return cause ? causeTitle(cause, locale) : id;
  };
  const requested = (await searchParams).learner;
  const selectedId = typeof requested === "string" ? learnerIdSchema.safeParse(requested) : undefined;
  if (selectedId && !selectedId.success) notFound();

  const prisma = getPrisma();
  const catalogue = await getLiveExerciseCatalogue(locale);
  const labels = drillLabels(catalogue.exercises, locale);
  const learners = await listLearners(prisma);
  const selected = selectedId?.success ? learners.find((l) => l.id === selectedId.data) : undefined;
  if (selectedId && !selected) notFound();

  const everyone = await listAttempts(prisma);
  const attempts = selected ? everyone.filter((a) => a.learnerId === selected.id) : everyone;
  const byCause = accuracyByCause(attempts);
  const weakest = weakestCauses(byCause);
  const overall = tally(attempts);
  const days = accuracyByDay(attempts, new Date());
  const summaries = summariseLearners(learners, everyone);
  const scope = selected ? selected.name : t("allLearners");

  return (
    <>
      <header className="hero">
        <h1>{t("title")}</h1>
        <p className="lede">{t("lede", { count: overall.attempts, scope, accuracy: percent(overall.accuracy) })}</p>
      </header>

      <nav aria-label={t("learners")} className="chip-list learner-filter">
        <Link href="/train/progress" className="chip" aria-current={selected ? undefined : "page"}>
          {t("everyone")}
        </Link>
        {learners.map((learner) => (
          <Link
            key={learner.id}
            href={`/train/progress?learner=${learner.id}`}
            className="chip"
            aria-current={selected?.id === learner.id ? "page" : undefined}
          >
            {learner.name}
          </Link>
        ))}
      </nav>

      {attempts.length === 0 ? (
        <p>{t.rich("noAttempts", { link: (chunks) => <Link href="/train">{chunks}</Link> })}</p>
      ) : (
        <>
          <section aria-labelledby="by-cause">
            <h2 id="by-cause">{t("byCause")}</h2>
            <BarChart
              id="cause-chart"
              title={t("byCauseChart", { scope })}
              description={t("byCauseChartAbout")}
              data={byCause.map((c) => ({
                label: titleOf(c.cause),
                value: c.accuracy,
                caption: `${percent(c.accuracy)} · ${c.correct}/${c.attempts}`,
              }))}
            />
            <details>
              <summary>{t("asTable")}</summary>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("rootCause")}</th>
                    <th scope="col">{t("attempts")}</th>
                    <th scope="col">{t("accuracy")}</th>
                    <th scope="col">{t("trend")}</th>
                  </tr>
                </thead>
                <tbody>
                  {byCause.map((c) => (
                    <tr key={c.cause}>
                      <th scope="row">
                        <Link href={`/causes/${c.cause}`}>{titleOf(c.cause)}</Link>
                      </th>
                      <td>{c.attempts}</td>
                      <td>{percent(c.accuracy)}</td>
                      <td>{trend(c.earlier, c.later)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>

          <div className="progress-grid">
            <section aria-labelledby="weakest">
              <h2 id="weakest">{t("weakest")}</h2>
              {weakest.length === 0 ? (
                <p>{t("noWeakest")}</p>
              ) : (
                <ol className="weakest-list">
                  {weakest.map((c) => (
                    <li key={c.cause}>
                      <Link href={`/causes/${c.cause}`}>{titleOf(c.cause)}</Link>{" "}
                      <span className="card-meta">
                        {t("weakestLine", { accuracy: percent(c.accuracy), attempts: c.attempts, trend: trend(c.earlier, c.later) })}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section aria-labelledby="by-day">
              <h2 id="by-day">{t("byDay")}</h2>
              <ColumnChart
                id="day-chart"
                title={t("byDayChart", { scope, days: days.length })}
                description={t("byDayChartAbout")}
                data={days.map((d) => ({ label: d.day.slice(8), value: d.accuracy, caption: d.attempts ? `${d.correct}/${d.attempts}` : "" }))}
              />
            </section>
          </div>
        </>
      )}

      <section aria-labelledby="learners">
        <h2 id="learners">{t("learners")}</h2>
        {summaries.length === 0 ? (
          <p>{t("noLearners")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("learner")}</th>
                  <th scope="col">{t("attempts")}</th>
                  <th scope="col">{t("accuracy")}</th>
                  <th scope="col">{t("firstStep")}</th>
                  <th scope="col">{t("rootCause")}</th>
                  <th scope="col">{t("spotTheSignal")}</th>
                  <th scope="col">{t("medianTime")}</th>
                  <th scope="col">{t("weakestShort")}</th>
                  <th scope="col">{t("lastActive")}</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map((s) => (
                  <tr key={s.id} data-learner={s.name}>
                    <th scope="row">
                      <Link href={`/train/progress?learner=${s.id}`}>{s.name}</Link>
                    </th>
                    <td>{s.attempts}</td>
                    <td data-testid="learner-accuracy">{percent(s.accuracy)}</td>
                    <td>{percent(s.stepAccuracy)}</td>
                    <td>{percent(s.causeAccuracy)}</td>
                    <td>{percent(s.lineAccuracy)}</td>
                    <td>{s.medianDurationMs === null ? "–" : duration(s.medianDurationMs)}</td>
                    <td>{s.weakest ? titleOf(s.weakest) : "–"}</td>
                    <td>{s.lastAttemptAt ? when(s.lastAttemptAt) : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {attempts.length > 0 && (
        <section aria-labelledby="recent">
          <h2 id="recent">{t("recent")}</h2>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("when")}</th>
                  <th scope="col">{t("learner")}</th>
                  <th scope="col">{t("drill")}</th>
                  <th scope="col">{t("rootCause")}</th>
                  <th scope="col">{t("firstStep")}</th>
                  <th scope="col">{t("cause")}</th>
                  <th scope="col">{t("line")}</th>
                  <th scope="col">{t("time")}</th>
                </tr>
              </thead>
              <tbody>
                {attempts.slice(0, RECENT_ATTEMPTS).map((a) => (
                  <tr key={a.id}>
                    <td>{when(a.createdAt)}</td>
                    <td>{a.learnerName}</td>
                    <td>
                      <Link href={`/train/${a.exerciseId}`}>{labels.get(a.exerciseId) ?? a.exerciseId}</Link>
                    </td>
                    <td>
                      <Link href={`/causes/${a.rootCause}`}>{titleOf(a.rootCause)}</Link>
                    </td>
                    <td>{mark(a.stepCorrect)}</td>
                    <td>{mark(a.causeCorrect)}</td>
                    <td>{mark(a.lineCorrect)}</td>
                    <td>{duration(a.durationMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}

// /insights (trainers and admins): what searches, sessions and readers say about the library and the engine.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";

import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { getContentLibrary } from "@/lib/content/library";
import { caseTitle, causeTitle, symptomLabel } from "@/lib/content/localized";
import { getPrisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { ABANDONED_AFTER_DAYS, DURATION_BUCKETS, NO_SYMPTOM, readInsights, type QueryStat } from "@/lib/insights/insights";
import { getLiveLibrary } from "@/lib/library/live-library";
import { CalibrationChart } from "@/components/insights/calibration-chart";
import { BarChart, ColumnChart } from "@/components/train/charts";
import { formatPercent } from "@/components/train/format";
import { requirePageViewer } from "@/app/_server/viewer";

type Translate = Awaited<ReturnType<typeof getTranslations<"insights">>>;

export async function insightsMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "insights" });
  return { title: t("title") };
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** "45 min", "3 h 20 min", "2 days 4 h" in the page's language. */
function formatMinutes(minutes: number | null, t: Translate): string {
  if (minutes === null) return "–";
  if (minutes < 60) return t("minutes", { minutes });
  if (minutes < 1440) return t("hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return t("daysHours", { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60) });
}

function QueryTable({
  id,
  heading,
  rows,
  t,
  when,
  locale,
}: {
  id: string;
  heading: string;
  rows: QueryStat[];
  t: Translate;
  when: (iso: string) => string;
  locale: Locale;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {rows.length === 0 ? (
        <p>{t("noSearches")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("query")}</th>
              <th scope="col">{t("searches")}</th>
              <th scope="col">{t("results")}</th>
              <th scope="col">{t("lastSearched")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.query}>
                <th scope="row">
                  <Link href={localizePath(`/search?${new URLSearchParams({ q: row.query })}`, locale)} data-content-snippet>
                    {row.query}
                  </Link>
                </th>
                <td>{row.searches}</td>
                <td>{row.results}</td>
                <td>{when(row.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export async function InsightsPage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  await requirePageViewer(localizePath("/insights", locale), "trainer");
  const [t, flagKinds, caseStates, format, { searches, unconfirmed, firstGuess, timeToConfirm, library }, live] = await Promise.all([
    getTranslations("insights"),
    getTranslations("feedback.kinds"),
    getTranslations("editor.states"),
    getFormatter(),
    readInsights(getPrisma()),
    getLiveLibrary(),
  ]);
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  const percent = (value: number) => formatPercent(value, locale);
  const path = (sitePath: string) => localizePath(sitePath, locale);
  const symptomText = (label: string) => {
    const symptom = ENTRY_SYMPTOMS.find((s) => s.label === label);
    return symptom ? symptomLabel(symptom, locale) : label === NO_SYMPTOM ? t("noSymptom") : label;
  };
  const causeName = (id: string, fallback: string) => {
    const cause = getContentLibrary().getRootCause(id);
    return cause ? causeTitle(cause, locale) : fallback;
  };
  const caseName = (id: string, fallback: string) => {
    const entry = live.getCase(id);
    return entry ? caseTitle(entry, locale) : fallback;
  };
  /** A flagged page's title in the page's language, from its path (`/cases/<id>`, `/causes/<id>`). */
  const flaggedTitle = (url: string, fallback: string) => {
    const [, kind, id = ""] = url.split("/");
    return kind === "cases" ? caseName(id, fallback) : causeName(id, fallback);
  };

  return (
    <>
      <header className="hero">
        <h1>{t("title")}</h1>
        <p className="lede">{t("lede")}</p>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON document, not a page */}
          <a href="/api/insights">{t("json")}</a>
        </p>
      </header>

      <section aria-labelledby="searches">
        <h2 id="searches">{t("searchesHeading")}</h2>
        <p>{t("searchesLogged", { count: searches.logged })}</p>
        <QueryTable id="no-result" heading={t("noResultHeading")} rows={searches.noResult} t={t} when={when} locale={locale} />
        <QueryTable id="no-click" heading={t("noClickHeading")} rows={searches.noClick} t={t} when={when} locale={locale} />
      </section>

      <section aria-labelledby="unconfirmed">
        <h2 id="unconfirmed">{t("unconfirmedHeading")}</h2>
        {unconfirmed.sessions === 0 ? (
          <p>{t("noUnconfirmed")}</p>
        ) : (
          <>
            <p>{t("unconfirmedLede", { count: unconfirmed.sessions, days: ABANDONED_AFTER_DAYS })}</p>
            <BarChart
              id="unconfirmed-chart"
              title={t("unconfirmedChartTitle")}
              description={t("unconfirmedChartDescription")}
              data={unconfirmed.bySymptom.map((s) => ({
                label: symptomText(s.symptom),
                value: share(s.sessions, unconfirmed.sessions),
                caption: String(s.sessions),
              }))}
            />
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("session")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("symptom")}</th>
                  <th scope="col">{t("lastSaved")}</th>
                </tr>
              </thead>
              <tbody>
                {unconfirmed.recent.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link href={path(`/triage/${s.id}`)} data-content-snippet>
                        {s.title}
                      </Link>
                    </th>
                    <td>{t(`sessionStatus.${s.status}`)}</td>
                    <td>{symptomText(s.symptom)}</td>
                    <td>{when(s.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="first-guess">
        <h2 id="first-guess">{t("firstGuessHeading")}</h2>
        {firstGuess.sessions === 0 ? (
          <p>{t("noConfirmed")}</p>
        ) : (
          <>
            <p>
              {t.rich("firstGuessLede", {
                count: firstGuess.sessions,
                accuracy: percent(firstGuess.accuracy),
                error: firstGuess.calibrationError.toFixed(3),
                code: (chunks) => <code>{chunks}</code>,
              })}
            </p>
            <BarChart
              id="first-guess-chart"
              title={t("perCauseChartTitle")}
              description={t("perCauseChartDescription")}
              data={firstGuess.perCause.map((c) => ({
                label: causeName(c.cause, c.title),
                value: c.accuracy,
                caption: `${percent(c.accuracy)} · ${c.firstGuessRight}/${c.sessions}`,
              }))}
            />
            <details>
              <summary>{t("perCauseChartTitle")}</summary>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("cause")}</th>
                    <th scope="col">{t("sessions")}</th>
                    <th scope="col">{t("firstGuessRight")}</th>
                    <th scope="col">{t("accuracy")}</th>
                  </tr>
                </thead>
                <tbody>
                  {firstGuess.perCause.map((c) => (
                    <tr key={c.cause}>
                      <th scope="row">
                        <Link href={path(`/causes/${c.cause}`)}>{causeName(c.cause, c.title)}</Link>
                      </th>
                      <td>{c.sessions}</td>
                      <td>{c.firstGuessRight}</td>
                      <td>{percent(c.accuracy)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <h3 id="calibration">{t("calibrationHeading")}</h3>
            <p>{t("calibrationLede")}</p>
            <CalibrationChart id="calibration-chart" bins={firstGuess.calibration} />
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("scoreRange")}</th>
                  <th scope="col">{t("sessions")}</th>
                  <th scope="col">{t("meanScore")}</th>
                  <th scope="col">{t("right")}</th>
                </tr>
              </thead>
              <tbody>
                {firstGuess.calibration.map((bin) => (
                  <tr key={bin.from}>
                    <th scope="row">{`${percent(bin.from)}–${percent(bin.to)}`}</th>
                    <td>{bin.count}</td>
                    <td>{percent(bin.meanConfidence)}</td>
                    <td>{percent(bin.accuracy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="library-at-work">
        <h2 id="library-at-work">{t("libraryHeading")}</h2>
        <section aria-labelledby="most-reused">
          <h3 id="most-reused">{t("reusedHeading")}</h3>
          {library.mostReused.length === 0 ? (
            <p>{t("noReuse")}</p>
          ) : (
            <>
              <p>{t("reusedLede")}</p>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("caseTitle")}</th>
                    <th scope="col">{t("solved")}</th>
                  </tr>
                </thead>
                <tbody>
                  {library.mostReused.map((c) => (
                    <tr key={c.caseId}>
                      <th scope="row">
                        <Link href={path(`/cases/${c.caseId}`)}>{caseName(c.caseId, c.title)}</Link>
                      </th>
                      <td>{c.solved}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
        <section aria-labelledby="open-flags">
          <h3 id="open-flags">{t("flagsHeading")}</h3>
          {library.openFlags.length === 0 ? (
            <p>{t("noFlags")}</p>
          ) : (
            <>
              <p>
                {t("flagsLede")} <Link href={path("/review")}>{t("reviewQueue")}</Link>
              </p>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("flaggedPage")}</th>
                    <th scope="col">{t("flagKind")}</th>
                    <th scope="col">{t("comment")}</th>
                    <th scope="col">{t("raised")}</th>
                  </tr>
                </thead>
                <tbody>
                  {library.openFlags.map((f) => (
                    <tr key={f.id}>
                      <th scope="row">
                        <Link href={path(f.url)}>{flaggedTitle(f.url, f.title)}</Link>
                      </th>
                      <td>{flagKinds(f.kind)}</td>
                      <td data-content-snippet>{f.comment}</td>
                      <td>{when(f.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
        <section aria-labelledby="drafts">
          <h3 id="drafts">{t("draftsHeading")}</h3>
          {library.drafts.length === 0 ? (
            <p>{t("noDrafts")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("caseTitle")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("lastSaved")}</th>
                </tr>
              </thead>
              <tbody>
                {library.drafts.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <Link href={path(`/library/${d.id}/edit`)} data-content-snippet>
                        {d.title}
                      </Link>
                    </th>
                    <td>{caseStates(d.status)}</td>
                    <td>{when(d.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </section>

      <section aria-labelledby="time-to-confirm">
        <h2 id="time-to-confirm">{t("timeHeading")}</h2>
        {timeToConfirm.sessions === 0 ? (
          <p>{t("noTimes")}</p>
        ) : (
          <>
            <p>
              {t("timeLede", {
                count: timeToConfirm.sessions,
                median: formatMinutes(timeToConfirm.medianMinutes, t),
                p90: formatMinutes(timeToConfirm.p90Minutes, t),
              })}
            </p>
            <ColumnChart
              id="time-chart"
              title={t("timeChartTitle")}
              description={t("timeChartDescription")}
              data={timeToConfirm.buckets.map((b, i) => ({
                label: t(`buckets.${DURATION_BUCKETS[i].key}`),
                value: share(b.sessions, timeToConfirm.sessions),
                caption: String(b.sessions),
              }))}
            />
          </>
        )}
      </section>
    </>
  );
}

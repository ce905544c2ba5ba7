import type { Metadata } from "next";
import Link from "next/link";

import { getPrisma } from "@/lib/db";
import { ABANDONED_AFTER_DAYS, readInsights, type QueryStat } from "@/lib/insights/insights";
import { CalibrationChart } from "@/components/insights/calibration-chart";
import { formatMinutes, INSIGHTS_TEXT as T } from "@/components/insights/strings";
import { BarChart, ColumnChart } from "@/components/train/charts";
import { formatPercent } from "@/components/train/format";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: T.title };
export const dynamic = "force-dynamic";

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

function QueryTable({ id, heading, rows }: { id: string; heading: string; rows: QueryStat[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {rows.length === 0 ? (
        <p>{T.noSearches}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{T.query}</th>
              <th scope="col">{T.searches}</th>
              <th scope="col">{T.results}</th>
              <th scope="col">{T.lastSearched}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.query}>
                <th scope="row">
                  <Link href={`/search?${new URLSearchParams({ q: row.query })}`}>{row.query}</Link>
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

export default async function InsightsPage() {
  await requirePageViewer("/insights", "trainer");
  const { searches, unconfirmed, firstGuess, timeToConfirm, library } = await readInsights(getPrisma());

  return (
    <>
      <header className="hero">
        <h1>{T.title}</h1>
        <p className="lede">{T.lede}</p>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON document, not a page */}
          <a href="/api/insights">{T.json}</a>
        </p>
      </header>

      <section aria-labelledby="searches">
        <h2 id="searches">{T.searchesHeading}</h2>
        <p>{T.searchesLogged(searches.logged)}</p>
        <QueryTable id="no-result" heading={T.noResultHeading} rows={searches.noResult} />
        <QueryTable id="no-click" heading={T.noClickHeading} rows={searches.noClick} />
      </section>

      <section aria-labelledby="unconfirmed">
        <h2 id="unconfirmed">{T.unconfirmedHeading}</h2>
        {unconfirmed.sessions === 0 ? (
          <p>{T.noUnconfirmed}</p>
        ) : (
          <>
            <p>{T.unconfirmedLede(unconfirmed.sessions, ABANDONED_AFTER_DAYS)}</p>
            <BarChart
              id="unconfirmed-chart"
              title={T.unconfirmedChartTitle}
              description={T.unconfirmedChartDescription}
              data={unconfirmed.bySymptom.map((s) => ({ label: s.symptom, value: share(s.sessions, unconfirmed.sessions), caption: String(s.sessions) }))}
            />
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{T.session}</th>
                  <th scope="col">{T.status}</th>
                  <th scope="col">{T.symptom}</th>
                  <th scope="col">{T.lastSaved}</th>
                </tr>
              </thead>
              <tbody>
                {unconfirmed.recent.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link href={`/triage/${s.id}`}>{s.title}</Link>
                    </th>
                    <td>{s.status}</td>
                    <td>{s.symptom}</td>
                    <td>{when(s.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="first-guess">
        <h2 id="first-guess">{T.firstGuessHeading}</h2>
        {firstGuess.sessions === 0 ? (
          <p>{T.noConfirmed}</p>
        ) : (
          <>
            <p>{T.firstGuessLede(firstGuess.sessions, formatPercent(firstGuess.accuracy, "en"), firstGuess.calibrationError.toFixed(3))}</p>
            <BarChart
              id="first-guess-chart"
              title={T.perCauseChartTitle}
              description={T.perCauseChartDescription}
              data={firstGuess.perCause.map((c) => ({
                label: c.title,
                value: c.accuracy,
                caption: `${formatPercent(c.accuracy, "en")} · ${c.firstGuessRight}/${c.sessions}`,
              }))}
            />
            <details>
              <summary>{T.perCauseChartTitle}</summary>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{T.cause}</th>
                    <th scope="col">{T.sessions}</th>
                    <th scope="col">{T.firstGuessRight}</th>
                    <th scope="col">{T.accuracy}</th>
                  </tr>
                </thead>
                <tbody>
                  {firstGuess.perCause.map((c) => (
                    <tr key={c.cause}>
                      <th scope="row">
                        <Link href={`/causes/${c.cause}`}>{c.title}</Link>
                      </th>
                      <td>{c.sessions}</td>
                      <td>{c.firstGuessRight}</td>
                      <td>{formatPercent(c.accuracy, "en")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <h3 id="calibration">{T.calibrationHeading}</h3>
            <p>{T.calibrationLede}</p>
            <CalibrationChart id="calibration-chart" bins={firstGuess.calibration} />
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{T.scoreRange}</th>
                  <th scope="col">{T.sessions}</th>
                  <th scope="col">{T.meanScore}</th>
                  <th scope="col">{T.right}</th>
                </tr>
              </thead>
              <tbody>
                {firstGuess.calibration.map((bin) => (
                  <tr key={bin.from}>
                    <th scope="row">{`${formatPercent(bin.from, "en")}–${formatPercent(bin.to, "en")}`}</th>
                    <td>{bin.count}</td>
                    <td>{formatPercent(bin.meanConfidence, "en")}</td>
                    <td>{formatPercent(bin.accuracy, "en")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section aria-labelledby="library-at-work">
        <h2 id="library-at-work">{T.libraryHeading}</h2>
        <section aria-labelledby="most-reused">
          <h3 id="most-reused">{T.reusedHeading}</h3>
          {library.mostReused.length === 0 ? (
            <p>{T.noReuse}</p>
          ) : (
            <>
              <p>{T.reusedLede}</p>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{T.caseTitle}</th>
                    <th scope="col">{T.solved}</th>
                  </tr>
                </thead>
                <tbody>
                  {library.mostReused.map((c) => (
                    <tr key={c.caseId}>
                      <th scope="row">
                        <Link href={`/cases/${c.caseId}`}>{c.title}</Link>
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
          <h3 id="open-flags">{T.flagsHeading}</h3>
          {library.openFlags.length === 0 ? (
            <p>{T.noFlags}</p>
          ) : (
            <>
              <p>
                {T.flagsLede} <Link href="/review">{T.reviewQueue}</Link>
              </p>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{T.flaggedPage}</th>
                    <th scope="col">{T.flagKind}</th>
                    <th scope="col">{T.comment}</th>
                    <th scope="col">{T.raised}</th>
                  </tr>
                </thead>
                <tbody>
                  {library.openFlags.map((f) => (
                    <tr key={f.id}>
                      <th scope="row">
                        <Link href={f.url}>{f.title}</Link>
                      </th>
                      <td>{f.kind}</td>
                      <td>{f.comment}</td>
                      <td>{when(f.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
        <section aria-labelledby="drafts">
          <h3 id="drafts">{T.draftsHeading}</h3>
          {library.drafts.length === 0 ? (
            <p>{T.noDrafts}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{T.caseTitle}</th>
                  <th scope="col">{T.status}</th>
                  <th scope="col">{T.lastSaved}</th>
                </tr>
              </thead>
              <tbody>
                {library.drafts.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      <Link href={`/library/${d.id}`}>{d.title}</Link>
                    </th>
                    <td>{d.status}</td>
                    <td>{when(d.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </section>

      <section aria-labelledby="time-to-confirm">
        <h2 id="time-to-confirm">{T.timeHeading}</h2>
        {timeToConfirm.sessions === 0 ? (
          <p>{T.noTimes}</p>
        ) : (
          <>
            <p>{T.timeLede(timeToConfirm.sessions, formatMinutes(timeToConfirm.medianMinutes), formatMinutes(timeToConfirm.p90Minutes))}</p>
            <ColumnChart
              id="time-chart"
              title={T.timeChartTitle}
              description={T.timeChartDescription}
              data={timeToConfirm.buckets.map((b) => ({ label: b.label, value: share(b.sessions, timeToConfirm.sessions), caption: String(b.sessions) }))}
            />
          </>
        )}
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getPrisma } from "@/lib/db";
import { getExerciseCatalogue } from "@/lib/training/catalogue";
import { drillLabels } from "@/lib/training/drill-labels";
import { accuracyByCause, accuracyByDay, summariseLearners, tally, weakestCauses } from "@/lib/training/progress";
import { listAttempts, listLearners } from "@/lib/training/repository";
import { learnerIdSchema } from "@/lib/training/schemas";
import { BarChart, ColumnChart } from "@/components/train/charts";
import { formatDuration, formatPercent } from "@/components/train/format";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: "Training progress" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ learner?: string | string[] }> };

const RECENT_ATTEMPTS = 20;

const mark = (value: boolean | null) => (value === null ? "–" : value ? "✓" : "✗");
const when = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const trend = (earlier: number | null, later: number | null) =>
  earlier === null || later === null ? "–" : `${formatPercent(earlier)} → ${formatPercent(later)}`;

export default async function ProgressPage({ searchParams }: Props) {
  await requirePageViewer("/train/progress", "trainer");
  const requested = (await searchParams).learner;
  const selectedId = typeof requested === "string" ? learnerIdSchema.safeParse(requested) : undefined;
  if (selectedId && !selectedId.success) notFound();

  const prisma = getPrisma();
  const catalogue = getExerciseCatalogue();
  const labels = drillLabels(catalogue.exercises);
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
  const scope = selected ? selected.name : "all learners";

  return (
    <>
      <header className="hero">
        <h1>Training progress</h1>
        <p className="lede">
          {overall.attempts} attempt{overall.attempts === 1 ? "" : "s"} by {scope} · accuracy {formatPercent(overall.accuracy)}. An attempt counts as right when
          every part was: the first step and the root cause of a ticket drill, the line of a signal drill.
        </p>
      </header>

      <nav aria-label="Learners" className="chip-list learner-filter">
        <Link href="/train/progress" className="chip" aria-current={selected ? undefined : "page"}>
          Everyone
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
        <p>
          No attempts yet. Drills are at <Link href="/train">/train</Link>.
        </p>
      ) : (
        <>
          <section aria-labelledby="by-cause">
            <h2 id="by-cause">Accuracy per root cause</h2>
            <BarChart
              id="cause-chart"
              title={`Accuracy per root cause for ${scope}`}
              description="One bar per root cause, weakest first; the caption gives right answers out of attempts."
              data={byCause.map((c) => ({
                label: catalogue.titleOf(c.cause),
                value: c.accuracy,
                caption: `${formatPercent(c.accuracy)} · ${c.correct}/${c.attempts}`,
              }))}
            />
            <details>
              <summary>As a table, with the trend over time</summary>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Root cause</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Accuracy</th>
                    <th scope="col">Earlier → later half</th>
                  </tr>
                </thead>
                <tbody>
                  {byCause.map((c) => (
                    <tr key={c.cause}>
                      <th scope="row">
                        <Link href={`/causes/${c.cause}`}>{catalogue.titleOf(c.cause)}</Link>
                      </th>
                      <td>{c.attempts}</td>
                      <td>{formatPercent(c.accuracy)}</td>
                      <td>{trend(c.earlier, c.later)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>

          <div className="progress-grid">
            <section aria-labelledby="weakest">
              <h2 id="weakest">Weakest categories</h2>
              {weakest.length === 0 ? (
                <p>No root cause has two or more attempts with a miss yet.</p>
              ) : (
                <ol className="weakest-list">
                  {weakest.map((c) => (
                    <li key={c.cause}>
                      <Link href={`/causes/${c.cause}`}>{catalogue.titleOf(c.cause)}</Link>{" "}
                      <span className="card-meta">
                        {formatPercent(c.accuracy)} of {c.attempts} · earlier → later: {trend(c.earlier, c.later)}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section aria-labelledby="by-day">
              <h2 id="by-day">Accuracy by day</h2>
              <ColumnChart
                id="day-chart"
                title={`Accuracy by day for ${scope}, last ${days.length} days`}
                description="One column per UTC day, oldest first; days without attempts have no column. The caption gives right answers out of attempts."
                data={days.map((d) => ({ label: d.day.slice(8), value: d.accuracy, caption: d.attempts ? `${d.correct}/${d.attempts}` : "" }))}
              />
            </section>
          </div>
        </>
      )}

      <section aria-labelledby="learners">
        <h2 id="learners">Learners</h2>
        {summaries.length === 0 ? (
          <p>Nobody has picked a name yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Learner</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Accuracy</th>
                  <th scope="col">First step</th>
                  <th scope="col">Root cause</th>
                  <th scope="col">Spot the signal</th>
                  <th scope="col">Median time</th>
                  <th scope="col">Weakest</th>
                  <th scope="col">Last active</th>
                </tr>
              </thead>
              <tbody>
                {summaries.map((s) => (
                  <tr key={s.id} data-learner={s.name}>
                    <th scope="row">
                      <Link href={`/train/progress?learner=${s.id}`}>{s.name}</Link>
                    </th>
                    <td>{s.attempts}</td>
                    <td data-testid="learner-accuracy">{formatPercent(s.accuracy)}</td>
                    <td>{formatPercent(s.stepAccuracy)}</td>
                    <td>{formatPercent(s.causeAccuracy)}</td>
                    <td>{formatPercent(s.lineAccuracy)}</td>
                    <td>{s.medianDurationMs === null ? "–" : formatDuration(s.medianDurationMs)}</td>
                    <td>{s.weakest ? catalogue.titleOf(s.weakest) : "–"}</td>
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
          <h2 id="recent">Recent attempts</h2>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Learner</th>
                  <th scope="col">Drill</th>
                  <th scope="col">Root cause</th>
                  <th scope="col">First step</th>
                  <th scope="col">Cause</th>
                  <th scope="col">Line</th>
                  <th scope="col">Time</th>
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
                      <Link href={`/causes/${a.rootCause}`}>{catalogue.titleOf(a.rootCause)}</Link>
                    </td>
                    <td>{mark(a.stepCorrect)}</td>
                    <td>{mark(a.causeCorrect)}</td>
                    <td>{mark(a.lineCorrect)}</td>
                    <td>{formatDuration(a.durationMs)}</td>
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

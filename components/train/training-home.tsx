"use client";

import { useEffect, useState } from "react";
import Link from "next/link";

import { ApiError, fetchJson } from "@/lib/http/fetch-json";
import type { QueueEntry } from "@/lib/training/practice";

import { formatDueIn } from "./format";
import { LearnerPicker } from "./learner-picker";
import { useLearner } from "./use-learner";

export type DrillSummary = { id: string; kind: "ticket" | "signal"; label: string; teaser: string };

function StatusBadge({ entry }: { entry?: QueueEntry }) {
  if (!entry) return null;
  if (entry.status === "new") return <span className="badge">new</span>;
  if (entry.status === "due") return <span className="badge badge-due">due again</span>;
  return (
    <span className="badge badge-done">
      box {entry.box} · back {entry.dueAt ? formatDueIn(entry.dueAt) : "later"}
    </span>
  );
}

/** The learner's name, their next drill, and every drill with where it stands for them. */
export function TrainingHome({ drills }: { drills: DrillSummary[] }) {
  const { learner, setLearner, signedIn } = useLearner();
  const [queue, setQueue] = useState<QueueEntry[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    setQueue(undefined);
    if (!learner) return;
    let live = true;
    fetchJson<{ entries: QueueEntry[] }>(`/api/train/queue?learner=${encodeURIComponent(learner.id)}`)
      .then((json) => live && setQueue(json.entries))
      .catch((e: Error) => {
        // The learner is unknown here (say, a fresh database): pick the name again.
        if (e instanceof ApiError && e.status === 404) return setLearner(null);
        if (live) setError(e.message);
      });
    return () => {
      live = false;
    };
  }, [learner, setLearner]);

  const byId = new Map(queue?.map((entry) => [entry.id, entry]));
  const next = queue?.[0] && drills.find((d) => d.id === queue[0].id);
  const counts = { due: 0, new: 0, scheduled: 0 };
  for (const entry of queue ?? []) counts[entry.status]++;

  return (
    <>
      <section className="panel train-learner" aria-label="Learner">
        {learner === null && (
          <>
            <h2>Who is training?</h2>
            <LearnerPicker onPicked={setLearner} />
          </>
        )}
        {learner && (
          <>
            <p className="train-as">
              Training as <strong data-testid="learner-name">{learner.name}</strong>{" "}
              {!signedIn && (
                <button type="button" className="link-button" onClick={() => setLearner(null)}>
                  Switch
                </button>
              )}
            </p>
            {next && (
              <p className="train-next">
                <span>
                  Next: <strong>{next.label}</strong> · {next.teaser} {queue?.[0].status === "due" && <span className="badge badge-due">due again</span>}
                </span>
                <Link href={`/train/${next.id}`} className="button primary">
                  Start
                </Link>
              </p>
            )}
            {queue && (
              <p className="card-meta">
                {counts.due} due again · {counts.new} new · {counts.scheduled} scheduled for later
              </p>
            )}
          </>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </section>

      {(["ticket", "signal"] as const).map((kind) => {
        const list = drills.filter((d) => d.kind === kind);
        return (
          <section key={kind} aria-labelledby={`drills-${kind}`}>
            <h2 id={`drills-${kind}`}>
              {kind === "ticket" ? "Ticket drills" : "Spot the signal"} <span className="result-count">({list.length})</span>
            </h2>
            <p className="card-meta">
              {kind === "ticket"
                ? "A real ticket: choose the first command or question, read what it showed, name the root cause."
                : "A real output from a case: click the line that matters."}
            </p>
            <ul className="drill-list">
              {list.map((drill) => (
                <li key={drill.id} className="drill-row">
                  <Link href={`/train/${drill.id}`}>{drill.label}</Link>
                  <span className="card-sub">{drill.teaser}</span>
                  <StatusBadge entry={byId.get(drill.id)} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

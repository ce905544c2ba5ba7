"use client";

import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";

import { ApiError, fetchJson } from "@/lib/http/fetch-json";
import type { QueueEntry } from "@/lib/training/practice";
import { LocaleLink } from "@/components/i18n/locale-link";
import { useErrorMessage } from "@/components/i18n/use-error-message";

import { formatDueIn } from "./format";
import { LearnerPicker } from "./learner-picker";
import { useLearner } from "./use-learner";

export type DrillSummary = { id: string; kind: "ticket" | "signal"; label: string; teaser: string };

function StatusBadge({ entry }: { entry?: QueueEntry }) {
  const t = useTranslations("training");
  const locale = useLocale() === "zh" ? "zh" : "en";
  if (!entry) return null;
  if (entry.status === "new") return <span className="badge">{t("new")}</span>;
  if (entry.status === "due") return <span className="badge badge-due">{t("dueAgain")}</span>;
  return <span className="badge badge-done">{t("scheduled", { box: entry.box ?? 1, due: entry.dueAt ? formatDueIn(entry.dueAt, locale) : t("later") })}</span>;
}

/** The learner's name, their next drill, and every drill with where it stands for them. */
export function TrainingHome({
  drills,
  unlisted,
}: {
  drills: DrillSummary[];
  /** Drills of each kind not listed (older drills of in-app cases). */ unlisted: Record<DrillSummary["kind"], number>;
}) {
  const { learner, setLearner, signedIn } = useLearner();
  const [queue, setQueue] = useState<QueueEntry[]>();
  const [error, setError] = useState<string>();
  const t = useTranslations("training");
  const lang = useLocale();
  const describe = useErrorMessage();

  useEffect(() => {
    setQueue(undefined);
    if (!learner) return;
    let live = true;
    fetchJson<{ entries: QueueEntry[] }>(`/api/train/queue?${new URLSearchParams({ learner: learner.id, lang })}`)
      .then((json) => live && setQueue(json.entries))
      .catch((e: Error) => {
        // The learner is unknown here (say, a fresh database): pick the name again.
        if (e instanceof ApiError && e.status === 404) return setLearner(null);
        if (live) setError(describe(e));
      });
    return () => {
      live = false;
    };
    // describe changes with the language only, which reloads the page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [learner, setLearner, lang]);

  const byId = new Map(queue?.map((entry) => [entry.id, entry]));
  const first = queue?.[0];
  const next = first && (drills.find((d) => d.id === first.id) ?? { id: first.id, kind: first.kind, label: t("unlistedDrill"), teaser: first.teaser });
  const counts = { due: 0, new: 0, scheduled: 0 };
  for (const entry of queue ?? []) counts[entry.status]++;

  return (
    <>
      <section className="panel train-learner" aria-label={t("learner")}>
        {learner === null && (
          <>
            <h2>{t("whoIsTraining")}</h2>
            <LearnerPicker onPicked={setLearner} />
          </>
        )}
        {learner && (
          <>
            <p className="train-as">
              {t.rich("trainingAs", { name: learner.name, strong: (chunks) => <strong data-testid="learner-name">{chunks}</strong> })}{" "}
              {!signedIn && (
                <button type="button" className="link-button" onClick={() => setLearner(null)}>
                  {t("switch")}
                </button>
              )}
            </p>
            {next && (
              <p className="train-next">
                <span>
                  {t.rich("next", { label: next.label, strong: (chunks) => <strong>{chunks}</strong> })} · {next.teaser}{" "}
                  {queue?.[0].status === "due" && <span className="badge badge-due">{t("dueAgain")}</span>}
                </span>
                <LocaleLink href={`/train/${next.id}`} className="button primary">
                  {t("start")}
                </LocaleLink>
              </p>
            )}
            {queue && <p className="card-meta">{t("counts", counts)}</p>}
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
              {t(kind === "ticket" ? "ticketDrills" : "signalDrills")} <span className="result-count">({list.length + unlisted[kind]})</span>
            </h2>
            <p className="card-meta">{t(kind === "ticket" ? "ticketDrillsAbout" : "signalDrillsAbout")}</p>
            <ul className="drill-list">
              {list.map((drill) => (
                <li key={drill.id} className="drill-row">
                  <LocaleLink href={`/train/${drill.id}`}>{drill.label}</LocaleLink>
                  <span className="card-sub">{drill.teaser}</span>
                  <StatusBadge entry={byId.get(drill.id)} />
                </li>
              ))}
            </ul>
            {unlisted[kind] > 0 && <p className="card-meta">{t("moreInApp", { count: unlisted[kind] })}</p>}
          </section>
        );
      })}
    </>
  );
}

"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";

import { fetchJson } from "@/lib/http/fetch-json";
import type { DiagnoseResult, InferredAnswer, TriageSessionView } from "@/lib/triage/client-types";
import type { StepSummary } from "@/lib/triage/step-catalog";
import { useErrorMessage } from "@/components/i18n/use-error-message";
import { CopyButton } from "@/components/ui/copy-button";

import { ExportPanel } from "./export-panel";
import { RankingPanel } from "./ranking-panel";
import { SimilarCases } from "./similar-cases";
import { StepCard } from "./step-card";
import { useAutosave, type SaveState } from "./use-autosave";

/** canShare: sign-in is on and the viewer created the session or is an admin. */
type Props = { initialSession: TriageSessionView; steps: Record<string, StepSummary>; canShare?: boolean };

/** The engine's "does it match what you see?" question; its answers are not in the step catalogue. */
const CONFIRM_QUESTION = "confirm-cause";

const SAVE_LABELS: Record<SaveState, string> = {
  saved: "saved",
  saving: "saving",
  offline: "offline",
  conflict: "conflict",
  error: "error",
};

export function TriageWizard({ initialSession, steps, canShare = false }: Props) {
  const [session, setSession] = useState(initialSession);
  const [result, setResult] = useState<DiagnoseResult>();
  const [diagnoseError, setDiagnoseError] = useState<string>();
  const autosave = useAutosave(session.id, initialSession.version, setSession);
  const t = useTranslations("session");
  const statuses = useTranslations("triage.status");
  const locale = useLocale();
  const describe = useErrorMessage();

  const update = useCallback(
    (change: Partial<TriageSessionView>) => {
      setSession((current) => ({ ...current, ...change }));
      autosave.save(change);
    },
    [autosave],
  );

  const diagnoseInput = useMemo(
    // lang: the result's texts follow the page's language.
    () => ({ description: session.description, outputs: session.outputs, answers: session.answers, lang: locale }),
    [session.description, session.outputs, session.answers, locale],
  );

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        setResult(await fetchJson<DiagnoseResult>("/api/diagnose", { method: "POST", body: diagnoseInput, signal: controller.signal }));
        setDiagnoseError(undefined);
      } catch (error) {
        if (!controller.signal.aborted) setDiagnoseError(describe(error));
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // describe changes with the language only, which reloads the page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [diagnoseInput]);

  const ticket = useMemo(() => ({ description: session.description, outputs: session.outputs }), [session.description, session.outputs]);

  // Undoing or changing a confirmation reopens the session.
  const reopens = (id: string) => session.confirmedCause !== null && id === `confirm-${session.confirmedCause}`;
  const answer = (id: string, value: string) => {
    const answers = { ...session.answers, [id]: value };
    if (id.startsWith("confirm-") && steps[id] && value === "yes") update({ answers, confirmedCause: id.slice("confirm-".length), status: "confirmed" });
    else update({ answers, ...(reopens(id) ? { confirmedCause: null, status: "open" as const } : {}) });
  };
  const removeAnswer = (id: string) => {
    const { [id]: _removed, ...rest } = session.answers;
    update({ answers: rest, ...(reopens(id) ? { confirmedCause: null, status: "open" as const } : {}) });
  };
  const addOutput = (command: string, text: string) => update({ outputs: [...session.outputs, { command, text }] });
  const removeOutput = (index: number) => update({ outputs: session.outputs.filter((_, i) => i !== index) });
  // Confirming is also an answer, so the walk proposes the fix and "Steps so far" lists it.
  const confirm = (cause: string) => update({ confirmedCause: cause, status: "confirmed", answers: { ...session.answers, [`confirm-${cause}`]: "yes" } });

  function reload() {
    autosave.discard();
    window.location.reload();
  }

  return (
    <div className="triage">
      <header className="triage-header">
        <div>
          <p className="eyebrow">
            {t("eyebrow")} {session.ticketRef && <span className="badge">{session.ticketRef}</span>}
            <span className={`badge badge-${session.status}`}>{statuses(session.status)}</span>
          </p>
          <h1>{session.title}</h1>
        </div>
        <div className="button-row">
          <CopyButton label={t("copyLink")} text={() => window.location.href} />
          <p className={`save-state save-${autosave.state}`} role="status" aria-live="polite">
            {t(`save.${SAVE_LABELS[autosave.state]}`)}
            {autosave.state === "conflict" && (
              <>
                <button type="button" className="link-button" onClick={() => void autosave.merge()}>
                  {t("merge")}
                </button>
                <button type="button" className="link-button" onClick={reload}>
                  {t("reload")}
                </button>
              </>
            )}
          </p>
        </div>
      </header>
      {autosave.message && autosave.state !== "saved" && (
        <p className="field-error">{locale === "en" ? autosave.message : t("saveProblem", { message: autosave.message })}</p>
      )}

      <div className="triage-layout">
        <div className="triage-step">
          {result ? (
            <StepCard step={result.next} ticket={ticket} onAnswer={answer} onOutput={addOutput} onConfirm={confirm} />
          ) : (
            <p>{diagnoseError ? t("diagnoseFailed", { message: diagnoseError }) : t("reading")}</p>
          )}
        </div>

        <aside className="triage-aside" aria-label={t("asideLabel")}>
          {result && (
            <RankingPanel
              causes={result.rootCauses.slice(0, 6)}
              confidence={result.confidence}
              ruledOut={result.ruledOut}
              confirmed={session.confirmedCause}
              onConfirm={confirm}
            />
          )}
          <SimilarCases request={result?.similar} />
          {result && result.signals.length > 0 && (
            <details className="panel">
              <summary>{t("signalsRead", { count: result.signals.length })}</summary>
              <ul className="evidence-list">
                {result.signals.map((s, i) => (
                  <li key={i}>
                    <code>{s.id}</code> <span className="card-meta">{s.detail ?? s.line}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </aside>

        <div className="triage-main">
          <section aria-labelledby="ticket-title" className="panel">
            <h2 id="ticket-title">{t("ticket")}</h2>
            <label className="field">
              <span>{t("description")}</span>
              <textarea value={session.description} rows={5} onChange={(e) => update({ description: e.target.value })} />
            </label>
          </section>

          <History
            session={session}
            steps={steps}
            inferred={result?.inferredAnswers ?? []}
            onChange={answer}
            onRemove={removeAnswer}
            onRemoveOutput={removeOutput}
          />

          <section aria-labelledby="notes-title" className="panel">
            <h2 id="notes-title">{t("notes")}</h2>
            <textarea
              aria-labelledby="notes-title"
              value={session.notes}
              rows={4}
              onChange={(e) => update({ notes: e.target.value })}
              placeholder={t("notesPlaceholder")}
            />
          </section>

          {canShare && (
            <label className="check-field">
              <input type="checkbox" checked={session.shared} onChange={(e) => update({ shared: e.target.checked })} /> {t("shared")}
            </label>
          )}

          {session.confirmedCause && <ExportPanel sessionId={session.id} flush={autosave.flush} />}
        </div>
      </div>
    </div>
  );
}

type HistoryProps = {
  session: TriageSessionView;
  inferred: InferredAnswer[];
  steps: Record<string, StepSummary>;
  onChange: (id: string, value: string) => void;
  onRemove: (id: string) => void;
  onRemoveOutput: (index: number) => void;
};

function History({ session, steps, inferred, onChange, onRemove, onRemoveOutput }: HistoryProps) {
  const t = useTranslations("session");
  // "description", "answer" or "output N" (lib/triage/inferred-answers.ts).
  const sourceLabel = (source: string) => {
    const output = /^output (\d+)$/.exec(source);
    if (output) return t("source.output", { number: Number(output[1]) });
    return t(source === "answer" ? "source.answer" : "source.description");
  };
  const answered = Object.entries(session.answers);
  const shownInferred = inferred.filter((a) => steps[a.questionId] && session.answers[a.questionId] === undefined);
  if (answered.length === 0 && session.outputs.length === 0 && shownInferred.length === 0) return null;
  return (
    <section aria-labelledby="history-title" className="panel">
      <h2 id="history-title">{t("stepsSoFar")}</h2>
      <ul className="history-list">
        {answered.map(([id, value]) => {
          const step = steps[id];
          if (!step) {
            return (
              <li key={id} className="history-item" data-answer-id={id}>
                <span>{id === CONFIRM_QUESTION ? t("confirmLeading") : id}</span>
                <span className="badge">{id === CONFIRM_QUESTION ? (value === "no" ? t("keepLooking") : value) : value}</span>
                <button type="button" className="link-button" onClick={() => onRemove(id)}>
                  {t("undo")}
                </button>
              </li>
            );
          }
          return (
            <li key={id} className="history-item" data-answer-id={id}>
              <span>{step.text}</span>
              {step.kind === "question" ? (
                <select aria-label={t("changeAnswer", { step: step.text })} value={value} onChange={(e) => onChange(id, e.target.value)}>
                  {step.answers.map((a) => (
                    <option key={a.value} value={a.value}>
                      {a.label}
                    </option>
                  ))}
                  <option value="skip">{t("dontKnow")}</option>
                </select>
              ) : (
                <span className="badge">{t("skipped")}</span>
              )}
              <button type="button" className="link-button" onClick={() => onRemove(id)}>
                {t("undo")}
              </button>
            </li>
          );
        })}
        {shownInferred.map((inferredAnswer) => {
          const step = steps[inferredAnswer.questionId];
          return (
            <li key={`inferred-${inferredAnswer.questionId}`} className="history-item" data-inferred-id={inferredAnswer.questionId}>
              <span>
                {step.text}
                <span className="inferred-note"> {t("inferred", { source: sourceLabel(inferredAnswer.source), line: inferredAnswer.line })}</span>
              </span>
              <select
                aria-label={t("changeInferred", { step: step.text })}
                value={inferredAnswer.value}
                onChange={(e) => onChange(inferredAnswer.questionId, e.target.value)}
              >
                {step.answers.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
        {session.outputs.map((output, index) => (
          <li key={`output-${index}`} className="history-item">
            <details>
              <summary>
                {t("output", { number: index + 1 })} <code>{output.command ?? t("pasted")}</code>
              </summary>
              <pre className="pasted-output">{output.text}</pre>
            </details>
            <button type="button" className="link-button" onClick={() => onRemoveOutput(index)}>
              {t("remove")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

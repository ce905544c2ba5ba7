"use client";

import { useCallback, useEffect, useMemo, useState } from "react";

import { fetchJson } from "@/lib/http/fetch-json";
import { SHOWN_CAUSES, type ShownDiagnosis } from "@/lib/sessions/shown-diagnosis";
import type { DiagnoseResult, InferredAnswer, TriageSessionView } from "@/lib/triage/client-types";
import type { StepSummary } from "@/lib/triage/step-catalog";
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
  saved: "Saved",
  saving: "Saving…",
  offline: "Offline: retrying",
  conflict: "Changed elsewhere",
  error: "Not saved",
};

export function TriageWizard({ initialSession, steps, canShare = false }: Props) {
  const [session, setSession] = useState(initialSession);
  const [result, setResult] = useState<DiagnoseResult>();
  const [diagnoseError, setDiagnoseError] = useState<string>();
  const autosave = useAutosave(session.id, initialSession.version, setSession);

  // Each change is saved with the diagnosis on screen when it was made (what replay calls "before").
  const shown = useMemo<ShownDiagnosis | undefined>(
    () => result && { engineVersion: result.engineVersion, causes: result.rootCauses.slice(0, SHOWN_CAUSES).map((c) => c.id) },
    [result],
  );
  const update = useCallback(
    (change: Partial<TriageSessionView>) => {
      const isNew = shown && JSON.stringify(shown) !== JSON.stringify(session.shownDiagnosis);
      const withShown = isNew ? { ...change, shownDiagnosis: shown } : change;
      setSession((current) => ({ ...current, ...withShown }));
      autosave.save(withShown);
    },
    [autosave, shown, session.shownDiagnosis],
  );

  const diagnoseInput = useMemo(
    () => ({ description: session.description, outputs: session.outputs, answers: session.answers }),
    [session.description, session.outputs, session.answers],
  );

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        setResult(await fetchJson<DiagnoseResult>("/api/diagnose", { method: "POST", body: diagnoseInput, signal: controller.signal }));
        setDiagnoseError(undefined);
      } catch (error) {
        if (!controller.signal.aborted) setDiagnoseError((error as Error).message);
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
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
            Triage session {session.ticketRef && <span className="badge">{session.ticketRef}</span>}
            <span className={`badge badge-${session.status}`}>{session.status}</span>
          </p>
          <h1>{session.title}</h1>
        </div>
        <div className="button-row">
          <CopyButton label="Copy link" text={() => window.location.href} />
          <p className={`save-state save-${autosave.state}`} role="status" aria-live="polite">
            {SAVE_LABELS[autosave.state]}
            {autosave.state === "conflict" && (
              <>
                <button type="button" className="link-button" onClick={() => void autosave.merge()}>
                  Merge my changes
                </button>
                <button type="button" className="link-button" onClick={reload}>
                  Reload (drop mine)
                </button>
              </>
            )}
          </p>
        </div>
      </header>
      {autosave.message && autosave.state !== "saved" && <p className="field-error">{autosave.message}</p>}

      <div className="triage-layout">
        <div className="triage-step">
          {result ? (
            <StepCard step={result.next} ticket={ticket} onAnswer={answer} onOutput={addOutput} onConfirm={confirm} />
          ) : (
            <p>{diagnoseError ? `Could not diagnose: ${diagnoseError}` : "Reading the ticket…"}</p>
          )}
        </div>

        <aside className="triage-aside" aria-label="Causes and similar cases">
          {result && (
            <RankingPanel
              causes={result.rootCauses.slice(0, 6)}
              confidence={result.confidence}
              ruledOut={result.ruledOut}
              confirmed={session.confirmedCause}
              onConfirm={confirm}
            />
          )}
          <SimilarCases request={result?.similar} sessionId={session.id} />
          {result && result.signals.length > 0 && (
            <details className="panel">
              <summary>{result.signals.length} signals read</summary>
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
            <h2 id="ticket-title">Ticket</h2>
            <label className="field">
              <span>Description</span>
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
            <h2 id="notes-title">Notes</h2>
            <textarea
              aria-labelledby="notes-title"
              value={session.notes}
              rows={4}
              onChange={(e) => update({ notes: e.target.value })}
              placeholder="What you tried, what the customer said…"
            />
          </section>

          {canShare && (
            <label className="check-field">
              <input type="checkbox" checked={session.shared} onChange={(e) => update({ shared: e.target.checked })} /> Shared with the team (every signed-in
              engineer can open and edit it)
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
  const answered = Object.entries(session.answers);
  const shownInferred = inferred.filter((a) => steps[a.questionId] && session.answers[a.questionId] === undefined);
  if (answered.length === 0 && session.outputs.length === 0 && shownInferred.length === 0) return null;
  return (
    <section aria-labelledby="history-title" className="panel">
      <h2 id="history-title">Steps so far</h2>
      <ul className="history-list">
        {answered.map(([id, value]) => {
          const step = steps[id];
          if (!step) {
            return (
              <li key={id} className="history-item" data-answer-id={id}>
                <span>{id === CONFIRM_QUESTION ? "Confirm the leading cause?" : id}</span>
                <span className="badge">{id === CONFIRM_QUESTION ? (value === "no" ? "No, keep looking" : value) : value}</span>
                <button type="button" className="link-button" onClick={() => onRemove(id)}>
                  Undo
                </button>
              </li>
            );
          }
          return (
            <li key={id} className="history-item" data-answer-id={id}>
              <span>{step.text}</span>
              {step.kind === "question" ? (
                <select aria-label={`Change answer: ${step.text}`} value={value} onChange={(e) => onChange(id, e.target.value)}>
                  {step.answers.map((a) => (
                    <option key={a.value} value={a.value}>
                      {a.label}
                    </option>
                  ))}
                  <option value="skip">Don&apos;t know</option>
                </select>
              ) : (
                <span className="badge">skipped</span>
              )}
              <button type="button" className="link-button" onClick={() => onRemove(id)}>
                Undo
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
                <span className="inferred-note">
                  {" "}
                  Inferred from the {inferredAnswer.source}: “{inferredAnswer.line}”
                </span>
              </span>
              <select
                aria-label={`Change inferred answer: ${step.text}`}
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
                Output {index + 1}: <code>{output.command ?? "pasted"}</code>
              </summary>
              <pre className="pasted-output">{output.text}</pre>
            </details>
            <button type="button" className="link-button" onClick={() => onRemoveOutput(index)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

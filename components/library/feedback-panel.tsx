"use client";

import { useEffect, useState, type FormEvent } from "react";

import { fetchJson, fetchText } from "@/lib/http/fetch-json";

const TEXT = {
  heading: "Was this useful?",
  solved: "This solved my ticket",
  solvedThanks: "Thanks: counted as solving your ticket.",
  reused: (n: number) => (n === 1 ? "Solved 1 ticket" : `Solved ${n} tickets`),
  flag: "Flag a problem",
  kind: "What is wrong",
  kinds: { outdated: "Outdated", incorrect: "Incorrect", unclear: "Unclear" },
  comment: "Comment",
  suggest: "Suggest an edit to the case file",
  suggestion: "Suggested case file (MDX)",
  send: "Send flag",
  flagged: "Thanks: the flag is in the reviewers' queue.",
  linked: "Linked to your triage session.",
} as const;

type FlagKind = keyof typeof TEXT.kinds;
type Target = { caseId: string } | { causeId: string };

/**
 * "This solved my ticket" (linked to the triage session the reader came from, `?session=`) and flags,
 * on case and cause pages. Counts load after the page, so prerendered pages stay prerendered.
 */
export function FeedbackPanel({ target }: { target: Target }) {
  const [solved, setSolved] = useState<number>();
  const [sessionId, setSessionId] = useState<string>();
  const [solvedSent, setSolvedSent] = useState(false);
  const [flagState, setFlagState] = useState<"closed" | "open" | "sent">("closed");
  const [kind, setKind] = useState<FlagKind>("outdated");
  const [comment, setComment] = useState("");
  const [suggestion, setSuggestion] = useState<string>();
  const [error, setError] = useState<string>();
  const query = "caseId" in target ? `caseId=${encodeURIComponent(target.caseId)}` : `causeId=${encodeURIComponent(target.causeId)}`;

  useEffect(() => {
    setSessionId(new URLSearchParams(window.location.search).get("session") ?? undefined);
    fetchJson<{ solved: number }>(`/api/feedback?${query}`)
      .then((summary) => setSolved(summary.solved))
      .catch(() => setSolved(undefined));
  }, [query]);

  async function send(body: Record<string, unknown>): Promise<boolean> {
    setError(undefined);
    try {
      await fetchJson("/api/feedback", { method: "POST", body: { ...target, ...(sessionId ? { sessionId } : {}), ...body } });
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }

  async function markSolved() {
    if (await send({ kind: "solved" })) {
      setSolvedSent(true);
      setSolved((n) => (n ?? 0) + 1);
    }
  }

  async function flag(event: FormEvent) {
    event.preventDefault();
    if (await send({ kind, comment, ...(suggestion !== undefined ? { suggestion } : {}) })) setFlagState("sent");
  }

  async function startSuggestion() {
    if (!("caseId" in target)) return;
    try {
      setSuggestion(await fetchText(`/api/cases/${encodeURIComponent(target.caseId)}/source`));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section className="feedback-panel" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{TEXT.heading}</h2>
      {solved !== undefined && solved > 0 && <p data-reuse-count={solved}>{TEXT.reused(solved)}</p>}
      {solvedSent && (
        <p role="status">
          {TEXT.solvedThanks} {sessionId && TEXT.linked}
        </p>
      )}
      <div className="button-row">
        {!solvedSent && (
          <button type="button" className="button" onClick={() => void markSolved()}>
            {TEXT.solved}
          </button>
        )}
        {flagState === "closed" && (
          <button type="button" className="button" onClick={() => setFlagState("open")}>
            {TEXT.flag}
          </button>
        )}
      </div>
      {flagState === "open" && (
        <form onSubmit={(event) => void flag(event)} aria-label={TEXT.flag}>
          <label className="field">
            <span>{TEXT.kind}</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as FlagKind)}>
              {(Object.keys(TEXT.kinds) as FlagKind[]).map((k) => (
                <option key={k} value={k}>
                  {TEXT.kinds[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{TEXT.comment}</span>
            <textarea value={comment} onChange={(event) => setComment(event.target.value)} rows={3} />
          </label>
          {"caseId" in target &&
            (suggestion === undefined ? (
              <button type="button" className="button link" onClick={() => void startSuggestion()}>
                {TEXT.suggest}
              </button>
            ) : (
              <label className="field">
                <span>{TEXT.suggestion}</span>
                <textarea className="mono" value={suggestion} onChange={(event) => setSuggestion(event.target.value)} rows={16} />
              </label>
            ))}
          <button type="submit" className="button primary">
            {TEXT.send}
          </button>
        </form>
      )}
      {flagState === "sent" && <p role="status">{TEXT.flagged}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

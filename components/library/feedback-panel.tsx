"use client";

import { useEffect, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";

import { fetchJson, fetchText } from "@/lib/http/fetch-json";
import { useErrorMessage } from "@/components/i18n/use-error-message";

const FLAG_KINDS = ["outdated", "incorrect", "unclear"] as const;

type FlagKind = (typeof FLAG_KINDS)[number];
type Target = { caseId: string } | { causeId: string };

/**
 * "This solved my ticket" (linked to the triage session the reader came from, `?session=`) and flags,
 * on case and cause pages. Counts load after the page, so prerendered pages stay prerendered.
 */
export function FeedbackPanel({ target }: { target: Target }) {
  const t = useTranslations("feedback");
  const describe = useErrorMessage();
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
      setError(describe(e));
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
      setError(describe(e));
    }
  }

  return (
    <section className="feedback-panel" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t("heading")}</h2>
      {solved !== undefined && solved > 0 && <p data-reuse-count={solved}>{t("reused", { count: solved })}</p>}
      {solvedSent && (
        <p role="status">
          {t("solvedThanks")} {sessionId && t("linked")}
        </p>
      )}
      <div className="button-row">
        {!solvedSent && (
          <button type="button" className="button" onClick={() => void markSolved()}>
            {t("solved")}
          </button>
        )}
        {flagState === "closed" && (
          <button type="button" className="button" onClick={() => setFlagState("open")}>
            {t("flag")}
          </button>
        )}
      </div>
      {flagState === "open" && (
        <form onSubmit={(event) => void flag(event)} aria-label={t("flag")}>
          <label className="field">
            <span>{t("kind")}</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as FlagKind)}>
              {FLAG_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("comment")}</span>
            <textarea value={comment} onChange={(event) => setComment(event.target.value)} rows={3} />
          </label>
          {"caseId" in target &&
            (suggestion === undefined ? (
              <button type="button" className="button link" onClick={() => void startSuggestion()}>
                {t("suggest")}
              </button>
            ) : (
              <label className="field">
                <span>{t("suggestion")}</span>
                <textarea className="mono" value={suggestion} onChange={(event) => setSuggestion(event.target.value)} rows={16} />
              </label>
            ))}
          <button type="submit" className="button primary">
            {t("send")}
          </button>
        </form>
      )}
      {flagState === "sent" && <p role="status">{t("flagged")}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

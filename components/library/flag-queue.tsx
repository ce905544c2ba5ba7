"use client";

import { useState } from "react";
import Link from "next/link";

import { fetchJson } from "@/lib/http/fetch-json";
import type { FeedbackView } from "@/lib/library/feedback";

const TEXT = {
  patch: "Suggested edit as a patch",
  resolve: "Mark resolved",
  resolved: "Resolved.",
  by: (who: string | null) => who ?? "local user",
} as const;

/** Open flags, each with its page, comment, suggested edit (a patch to download) and a button to close it. */
export function FlagQueue({ flags }: { flags: FeedbackView[] }) {
  const [resolved, setResolved] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string>();

  async function resolve(id: string) {
    setError(undefined);
    try {
      await fetchJson(`/api/feedback/${id}`, { method: "PATCH", body: { resolved: true } });
      setResolved((done) => new Set([...done, id]));
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <ul className="plain-list flag-list">
        {flags.map((flag) => {
          const href = flag.caseId ? `/cases/${flag.caseId}` : `/causes/${flag.causeId}`;
          return (
            <li key={flag.id} className="panel" data-flag={flag.kind}>
              <p>
                <span className="badge">{flag.kind}</span> <Link href={href}>{flag.caseId ?? flag.causeId}</Link> · {TEXT.by(flag.createdBy)} ·{" "}
                <time dateTime={flag.createdAt}>{flag.createdAt.slice(0, 10)}</time>
              </p>
              {flag.comment && <blockquote>{flag.comment}</blockquote>}
              <p className="button-row">
                {flag.hasSuggestion && (
                  <a className="button" href={`/api/feedback/${flag.id}/patch`} download={`${flag.caseId}.patch`}>
                    {TEXT.patch}
                  </a>
                )}
                {resolved.has(flag.id) ? (
                  <span role="status">{TEXT.resolved}</span>
                ) : (
                  <button type="button" className="button" onClick={() => void resolve(flag.id)}>
                    {TEXT.resolve}
                  </button>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

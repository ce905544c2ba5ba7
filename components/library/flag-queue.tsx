"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";

import { fetchJson } from "@/lib/http/fetch-json";
import type { FeedbackView } from "@/lib/library/feedback";
import { LocaleLink } from "@/components/i18n/locale-link";
import { useErrorMessage } from "@/components/i18n/use-error-message";

/** Open flags, each with its page, comment, suggested edit (a patch to download) and a button to close it. */
export function FlagQueue({ flags }: { flags: FeedbackView[] }) {
  const t = useTranslations("review");
  const kinds = useTranslations("feedback.kinds");
  const format = useFormatter();
  const describe = useErrorMessage();
  const [resolved, setResolved] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string>();

  async function resolve(id: string) {
    setError(undefined);
    try {
      await fetchJson(`/api/feedback/${id}`, { method: "PATCH", body: { resolved: true } });
      setResolved((done) => new Set([...done, id]));
    } catch (e) {
      setError(describe(e));
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
                <span className="badge">{kinds(flag.kind)}</span> <LocaleLink href={href}>{flag.caseId ?? flag.causeId}</LocaleLink> ·{" "}
                {flag.createdBy ?? t("localUser")} · <time dateTime={flag.createdAt}>{format.dateTime(new Date(flag.createdAt), { dateStyle: "medium" })}</time>
              </p>
              {flag.comment && <blockquote data-content-snippet>{flag.comment}</blockquote>}
              <p className="button-row">
                {flag.hasSuggestion && (
                  <a className="button" href={`/api/feedback/${flag.id}/patch`} download={`${flag.caseId}.patch`}>
                    {t("patch")}
                  </a>
                )}
                {resolved.has(flag.id) ? (
                  <span role="status">{t("resolved")}</span>
                ) : (
                  <button type="button" className="button" onClick={() => void resolve(flag.id)}>
                    {t("resolve")}
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

"use client";

import { useTranslations } from "next-intl";

import type { Confidence, RuledOutCause, WalkedCause } from "@/lib/triage/client-types";
import { LocaleLink as Link } from "@/components/i18n/locale-link";

import { useStepWords } from "./step-words";

type Props = {
  causes: WalkedCause[];
  confidence?: Confidence;
  ruledOut?: RuledOutCause[];
  confirmed: string | null;
  onConfirm: (id: string) => void;
};

export function RankingPanel({ causes, confidence, ruledOut = [], confirmed, onConfirm }: Props) {
  const undecided = confidence === "low" && !confirmed && causes.length > 1;
  const t = useTranslations("ranking");
  const { evidenceSummary } = useStepWords();
  return (
    <section aria-labelledby="ranking-title" className="ranking">
      <h2 id="ranking-title">{t("title")}</h2>
      {undecided && (
        <p className="card-meta undecided-note">
          {t("undecided", {
            causes: causes
              .slice(0, 3)
              .map((c) => c.title)
              .join(t("listSeparator")),
          })}
        </p>
      )}
      <ol className="ranking-list">
        {causes.map((cause) => {
          const against = cause.evidence.filter((e) => e.effect === "against");
          const support = cause.evidence.filter((e) => e.effect === "for");
          const percent = Math.round(cause.score * 100);
          return (
            <li key={cause.id} className="ranking-item" data-cause={cause.id}>
              <div className="ranking-head">
                <Link href={`/causes/${cause.id}`} className="case-title">
                  {cause.title}
                </Link>
                <span className="score">
                  {percent}% <span className="score-word">{cause.likelihood}</span>
                </span>
              </div>
              <div className="score-bar" aria-hidden>
                <span style={{ width: `${Math.max(2, cause.score * 100)}%` }} />
              </div>
              {(support.length > 0 || against.length > 0) && (
                <details>
                  <summary>{evidenceSummary(support.length, against.length)}</summary>
                  <ul className="evidence-list">
                    {cause.evidence.map((e, i) => (
                      <li key={i} className={`evidence evidence-${e.effect}`}>
                        <span className="evidence-effect" aria-hidden>
                          {e.effect === "for" ? "+" : "−"}
                        </span>
                        <span className="visually-hidden">{t(e.effect === "for" ? "for" : "against")}</span>
                        <span>
                          <code>{e.line}</code> <span className="card-meta">({e.source})</span>
                          {e.detail && <span className="evidence-detail">{e.detail}</span>}
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {cause.decisive.length > 0 && <p className="card-meta">{t("shownBy", { signal: cause.decisive[0] })}</p>}
              {cause.preconditions
                .filter((p) => p.state === "unknown")
                .map((p) => (
                  <p key={p.id} className="card-meta">
                    {t("stillToCheck", { label: p.label })}
                  </p>
                ))}
              {cause.cases.length > 0 && (
                <p className="card-meta">
                  {t("pastCases")}{" "}
                  {cause.cases.slice(0, 3).map((id, i) => (
                    <span key={id}>
                      {i > 0 && t("listSeparator")}
                      <Link href={`/cases/${id}`}>{id}</Link>
                    </span>
                  ))}
                </p>
              )}
              {confirmed === cause.id ? (
                <span className="badge badge-confirmed">{t("confirmed")}</span>
              ) : (
                <button type="button" className="link-button" onClick={() => onConfirm(cause.id)}>
                  {t("confirm")}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {ruledOut.length > 0 && (
        <details className="ruled-out">
          <summary>{t("ruledOut", { count: ruledOut.length })}</summary>
          <ul>
            {ruledOut.map((cause) => (
              <li key={cause.id} data-ruled-out={cause.id}>
                <strong>{cause.title}</strong>: {cause.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

import Link from "next/link";

import type { Confidence, RuledOutCause, WalkedCause } from "@/lib/triage/client-types";

import { evidenceSummary } from "./step-words";

type Props = {
  causes: WalkedCause[];
  confidence?: Confidence;
  ruledOut?: RuledOutCause[];
  confirmed: string | null;
  onConfirm: (id: string) => void;
};

export function RankingPanel({ causes, confidence, ruledOut = [], confirmed, onConfirm }: Props) {
  const undecided = confidence === "low" && !confirmed && causes.length > 1;
  return (
    <section aria-labelledby="ranking-title" className="ranking">
      <h2 id="ranking-title">Likely root causes</h2>
      {undecided && (
        <p className="card-meta undecided-note">
          Not enough evidence yet: no cause is well supported. The next step separates{" "}
          {causes
            .slice(0, 3)
            .map((c) => c.title)
            .join(", ")}
          .
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
                        <span className="visually-hidden">{e.effect === "for" ? "For:" : "Against:"}</span>
                        <span>
                          <code>{e.line}</code> <span className="card-meta">({e.source})</span>
                          {e.detail && <span className="evidence-detail">{e.detail}</span>}
                        </span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {cause.decisive.length > 0 && <p className="card-meta">Shown directly by: {cause.decisive[0]}</p>}
              {cause.preconditions
                .filter((p) => p.state === "unknown")
                .map((p) => (
                  <p key={p.id} className="card-meta">
                    Still to check: {p.label}
                  </p>
                ))}
              {cause.cases.length > 0 && (
                <p className="card-meta">
                  Past cases:{" "}
                  {cause.cases.slice(0, 3).map((id, i) => (
                    <span key={id}>
                      {i > 0 && ", "}
                      <Link href={`/cases/${id}`}>{id}</Link>
                    </span>
                  ))}
                </p>
              )}
              {confirmed === cause.id ? (
                <span className="badge badge-confirmed">confirmed</span>
              ) : (
                <button type="button" className="link-button" onClick={() => onConfirm(cause.id)}>
                  Confirm this cause
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {ruledOut.length > 0 && (
        <details className="ruled-out">
          <summary>Ruled out ({ruledOut.length})</summary>
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

import { useFormatter, useTranslations } from "next-intl";

import type { CaseRevisionView } from "@/lib/library/repository";

/** Every step of a case's history, newest first, with the lines each changed. */
export function RevisionList({ revisions }: { revisions: CaseRevisionView[] }) {
  const t = useTranslations("revisions");
  const format = useFormatter();
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t("heading")}</h2>
      <ol className="plain-list revision-list" reversed>
        {[...revisions].reverse().map((r) => {
          const changed = r.diff.filter((line) => line.op !== " ");
          return (
            <li key={`${r.version}-${r.action}-${r.at}`}>
              <p>
                <strong>{t(`actions.${r.action}`)}</strong> · {t("version", { version: r.version })} · {r.by ?? t("localUser")} ·{" "}
                <time dateTime={r.at}>{format.dateTime(new Date(r.at), { dateStyle: "medium", timeStyle: "short" })}</time>
              </p>
              {r.comment && <blockquote data-content-snippet>{r.comment}</blockquote>}
              {r.action !== "created" &&
                (changed.length === 0 ? (
                  <p className="card-meta">{t("unchanged")}</p>
                ) : (
                  <pre className="diff" tabIndex={0}>
                    {changed.slice(0, 200).map((line, i) => (
                      <span key={i} className={line.op === "+" ? "diff-add" : "diff-remove"}>
                        {`${line.op} ${line.text}\n`}
                      </span>
                    ))}
                  </pre>
                ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

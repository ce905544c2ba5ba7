import { useFormatter, useTranslations } from "next-intl";

import type { AuditEntry } from "@/lib/sessions/repository";

/** The session's history: who saved it, when, and which fields changed. */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const t = useTranslations("session");
  const format = useFormatter();
  const when = (iso: string) => `${format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  return (
    <section className="panel" aria-label={t("history")}>
      <h2>{t("history")}</h2>
      <ol className="audit-list">
        {entries.map((entry) => (
          <li key={`${entry.version}-${entry.at}`}>
            <time dateTime={entry.at}>{when(entry.at)}</time> · {entry.by ?? t("beforeSignIn")} · {entry.action}
            {entry.fields.length > 0 && <> ({entry.fields.join(", ")})</>} · v{entry.version}
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { AuditEntry } from "@/lib/sessions/repository";

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** The session's history: who saved it, when, and which fields changed. */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  return (
    <section className="panel" aria-label="History">
      <h2>History</h2>
      <ol className="audit-list">
        {entries.map((entry) => (
          <li key={`${entry.version}-${entry.at}`}>
            <time dateTime={entry.at}>{when(entry.at)}</time> · {entry.by ?? "before sign-in"} · {entry.action}
            {entry.fields.length > 0 && <> ({entry.fields.join(", ")})</>} · v{entry.version}
          </li>
        ))}
      </ol>
    </section>
  );
}

import type { CaseRevisionView } from "@/lib/library/repository";

const TEXT = {
  heading: "History",
  by: (who: string | null) => who ?? "local user",
  unchanged: "No change to the case file.",
} as const;

/** Every step of a case's history, newest first, with the lines each changed. */
export function RevisionList({ revisions }: { revisions: CaseRevisionView[] }) {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{TEXT.heading}</h2>
      <ol className="plain-list revision-list" reversed>
        {[...revisions].reverse().map((r) => {
          const changed = r.diff.filter((line) => line.op !== " ");
          return (
            <li key={`${r.version}-${r.action}-${r.at}`}>
              <p>
                <strong>{r.action}</strong> · version {r.version} · {TEXT.by(r.by)} · <time dateTime={r.at}>{r.at.slice(0, 16).replace("T", " ")}</time>
              </p>
              {r.comment && <blockquote>{r.comment}</blockquote>}
              {r.action !== "created" &&
                (changed.length === 0 ? (
                  <p className="card-meta">{TEXT.unchanged}</p>
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

import type { Metadata } from "next";
import Link from "next/link";

import { getPrisma } from "@/lib/db";
import { LIBRARY_STATES } from "@/lib/library/case-fields";
import { listLibraryCases } from "@/lib/library/repository";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: "Write cases" };
export const dynamic = "force-dynamic";

const TEXT = {
  title: "Write cases",
  lede: "Cases the team writes here join the library for every reader as soon as a trainer publishes them. Start from a confirmed triage session (Add to library on its page) or from a blank case.",
  new: "New case",
  review: "Review queue",
  empty: "None.",
  headings: { draft: "Drafts", "in-review": "In review", published: "Published", archived: "Archived" },
} as const;

export default async function LibraryPage() {
  await requirePageViewer("/library");
  const cases = await listLibraryCases(getPrisma(), { limit: 500 });
  return (
    <>
      <h1>{TEXT.title}</h1>
      <p className="lede">{TEXT.lede}</p>
      <p className="button-row">
        <Link href="/library/new" className="button primary">
          {TEXT.new}
        </Link>
        <Link href="/review" className="button">
          {TEXT.review}
        </Link>
      </p>
      {LIBRARY_STATES.map((state) => {
        const inState = cases.filter((c) => c.status === state);
        return (
          <section key={state} aria-labelledby={`state-${state}`}>
            <h2 id={`state-${state}`}>{TEXT.headings[state]}</h2>
            {inState.length === 0 ? (
              <p>{TEXT.empty}</p>
            ) : (
              <ul className="case-list compact">
                {inState.map((c) => (
                  <li key={c.id} className="case-row">
                    <Link href={state === "published" ? `/cases/${c.id}` : `/library/${c.id}/edit`} className="case-title">
                      {c.title}
                    </Link>
                    <span className="card-meta">
                      {c.createdBy ?? ""} · {c.updatedAt.slice(0, 10)} · <Link href={`/library/${c.id}/edit`}>edit</Link>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

import { getPrisma } from "@/lib/db";
import { listOpenFlags } from "@/lib/library/feedback";
import { listLibraryCases } from "@/lib/library/repository";
import { FlagQueue } from "@/components/library/flag-queue";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

const TEXT = {
  title: "Review queue",
  lede: "Cases waiting for review, drafts in progress, and what readers flagged on case and cause pages.",
  inReview: "Submitted for review",
  drafts: "Drafts",
  flags: "Open flags and suggested edits",
  none: "Nothing waiting.",
} as const;

export default async function ReviewPage() {
  await requirePageViewer("/review", "trainer");
  const prisma = getPrisma();
  const [inReview, drafts, flags] = await Promise.all([
    listLibraryCases(prisma, { status: "in-review" }),
    listLibraryCases(prisma, { status: "draft" }),
    listOpenFlags(prisma),
  ]);
  return (
    <>
      <h1>{TEXT.title}</h1>
      <p className="lede">{TEXT.lede}</p>
      {[
        { heading: TEXT.inReview, cases: inReview, id: "in-review" },
        { heading: TEXT.drafts, cases: drafts, id: "drafts" },
      ].map(({ heading, cases, id }) => (
        <section key={id} aria-labelledby={`queue-${id}`}>
          <h2 id={`queue-${id}`}>{heading}</h2>
          {cases.length === 0 ? (
            <p>{TEXT.none}</p>
          ) : (
            <ul className="case-list compact">
              {cases.map((c) => (
                <li key={c.id} className="case-row">
                  <Link href={`/library/${c.id}/edit`} className="case-title">
                    {c.title}
                  </Link>
                  <span className="card-meta">
                    {c.createdBy ?? ""} · {c.updatedAt.slice(0, 10)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <section aria-labelledby="queue-flags">
        <h2 id="queue-flags">{TEXT.flags}</h2>
        {flags.length === 0 ? <p>{TEXT.none}</p> : <FlagQueue flags={flags} />}
      </section>
    </>
  );
}

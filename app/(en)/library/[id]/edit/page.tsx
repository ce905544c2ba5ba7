import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { getLibraryCase, isReviewer, listCaseRevisions } from "@/lib/library/repository";
import { CaseEditor } from "@/components/library/case-editor";
import { RevisionList } from "@/components/library/revision-list";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: "Edit case" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function EditCasePage({ params }: Props) {
  const { id } = await params;
  const viewer = await requirePageViewer(`/library/${id}/edit`);
  try {
    const [view, revisions] = await Promise.all([getLibraryCase(getPrisma(), id, viewer), listCaseRevisions(getPrisma(), id, viewer)]);
    return (
      <>
        <p className="eyebrow">
          <Link href="/library">Write cases</Link>
          {view.status === "published" && (
            <>
              {" "}
              · <Link href={`/cases/${view.id}`}>Published page</Link>
            </>
          )}
          {view.sessionId && (
            <>
              {" "}
              · <Link href={`/triage/${view.sessionId}`}>Triage session</Link>
            </>
          )}
        </p>
        <h1>
          Edit <code>{view.id}</code>
        </h1>
        <CaseEditor initial={view} canReview={isReviewer(viewer)} />
        <RevisionList revisions={revisions} />
      </>
    );
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}

// A case published in the app, as readers see it at /cases/<id> (proxy.ts rewrites there for ids the
// repository does not hold): rendered at request time, so a publish shows at once without a rebuild.
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { compileCaseBody } from "@/lib/library/compile-body";
import { getLiveLibrarySnapshot, getPublishedInAppCase } from "@/lib/library/live-library";
import { LIBRARY_VERSION_META } from "@/lib/library/version-meta";
import { CaseArticle } from "@/components/cases/case-article";
import { FeedbackPanel } from "@/components/library/feedback-panel";
import { requireLibraryPage } from "@/app/_server/viewer";

type Props = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await getPublishedInAppCase((await params).id);
  return entry ? { title: entry.frontmatter.title, description: entry.frontmatter.symptoms.join("; ") } : {};
}

export default async function LibraryCasePage({ params }: Props) {
  const { id } = await params;
  await requireLibraryPage(`/cases/${id}`);
  const entry = await getPublishedInAppCase(id);
  if (!entry) notFound();
  const [{ library, version }, compiled] = await Promise.all([getLiveLibrarySnapshot(), compileCaseBody(entry.body, { persist: true })]);
  return (
    <>
      <meta name={LIBRARY_VERSION_META} content={String(version)} />
      {/* Cases written in the app have an English body only. */}
      <CaseArticle entry={entry} compiled={{ ...compiled, locale: "en" }} library={library} locale="en" feedback={<FeedbackPanel target={{ caseId: id }} />} />
    </>
  );
}

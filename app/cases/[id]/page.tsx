import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { getCompiledEntry } from "@/lib/content/compiled";
import { getContentLibrary } from "@/lib/content/library";
import { CaseArticle } from "@/components/cases/case-article";
import { FeedbackPanel } from "@/components/library/feedback-panel";

type Props = { params: Promise<{ id: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getContentLibrary().cases.map((c) => ({ id: c.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = getContentLibrary().getCase((await params).id);
  return entry ? { title: entry.frontmatter.title, description: entry.frontmatter.symptoms.join("; ") } : {};
}

export default async function CasePage({ params }: Props) {
  const library = getContentLibrary();
  const entry = library.getCase((await params).id);
  if (!entry) notFound();
  const { code } = await getCompiledEntry(entry);

  return <CaseArticle entry={entry} code={code} library={library} feedback={<FeedbackPanel target={{ caseId: entry.id }} />} />;
}

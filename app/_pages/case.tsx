import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";

import { getCompiledEntry } from "@/lib/content/compiled";
import { getContentLibrary } from "@/lib/content/library";
import { caseSymptoms, titlesOf } from "@/lib/content/localized";
import type { Locale } from "@/lib/i18n/locales";
import { CaseArticle } from "@/components/cases/case-article";
import { FeedbackPanel } from "@/components/library/feedback-panel";
import { ClientMessages } from "@/app/_i18n/client-messages";

export type CasePageProps = { params: Promise<{ id: string }> };

export function caseParams() {
  return getContentLibrary().cases.map((c) => ({ id: c.id }));
}

export async function caseMetadata(locale: Locale, { params }: CasePageProps): Promise<Metadata> {
  const entry = getContentLibrary().getCase((await params).id);
  return entry ? { title: titlesOf(entry.frontmatter, locale).title, description: caseSymptoms(entry, locale).join(locale === "zh" ? "；" : "; ") } : {};
}

export async function CasePage({ locale, params }: CasePageProps & { locale: Locale }) {
  setRequestLocale(locale);
  const library = getContentLibrary();
  const entry = library.getCase((await params).id);
  if (!entry) notFound();
  const compiled = await getCompiledEntry(entry, locale);
  return (
    <ClientMessages locale={locale} namespaces={["common", "errors", "feedback", "fieldErrors"]}>
      <CaseArticle entry={entry} compiled={compiled} library={library} locale={locale} feedback={<FeedbackPanel target={{ caseId: entry.id }} />} />
    </ClientMessages>
  );
}

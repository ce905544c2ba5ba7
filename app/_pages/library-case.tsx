// A case published in the app, as readers see it at /cases/<id> and /zh/cases/<id> (proxy.ts rewrites
// there for ids the repository does not hold): rendered at request time, so a publish shows at once
// without a rebuild. The Chinese page shows the case's Chinese version; without one, the English body
// under a note saying so.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";

import { caseSymptoms, caseTitle } from "@/lib/content/localized";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { compileCaseBody } from "@/lib/library/compile-body";
import { getLiveLibrarySnapshot, getPublishedInAppCase } from "@/lib/library/live-library";
import { LIBRARY_VERSION_META } from "@/lib/library/version-meta";
import { CaseArticle } from "@/components/cases/case-article";
import { FeedbackPanel } from "@/components/library/feedback-panel";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { requireLibraryPage } from "@/app/_server/viewer";

export type LibraryCasePageProps = { params: Promise<{ id: string }> };

export async function libraryCaseMetadata(locale: Locale, { params }: LibraryCasePageProps): Promise<Metadata> {
  const entry = await getPublishedInAppCase((await params).id);
  return entry ? { title: caseTitle(entry, locale), description: caseSymptoms(entry, locale).join(locale === "zh" && entry.zh ? "；" : "; ") } : {};
}

export async function LibraryCasePage({ locale, params }: LibraryCasePageProps & { locale: Locale }) {
  setRequestLocale(locale);
  const { id } = await params;
  await requireLibraryPage(localizePath(`/cases/${id}`, locale));
  const entry = await getPublishedInAppCase(id);
  if (!entry) notFound();
  const shown = locale === "zh" && entry.zh ? { body: entry.zh.body, locale } : { body: entry.body, locale: "en" as const };
  const [{ library, version }, compiled] = await Promise.all([getLiveLibrarySnapshot(), compileCaseBody(shown.body, { persist: true })]);
  return (
    <ClientMessages locale={locale} namespaces={["common", "errors", "feedback", "fieldErrors"]}>
      <meta name={LIBRARY_VERSION_META} content={String(version)} />
      <CaseArticle
        entry={entry}
        compiled={{ ...compiled, locale: shown.locale }}
        library={library}
        locale={locale}
        feedback={<FeedbackPanel target={{ caseId: id }} />}
      />
    </ClientMessages>
  );
}

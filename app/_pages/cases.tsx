import { Suspense } from "react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { caseListQuerySchema, filterCases, pageOfCases } from "@/lib/content/case-filter";
import { toCaseSummary } from "@/lib/content/case-summary";
import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { getContentLibrary } from "@/lib/content/library";
import { causeTitle, symptomLabel } from "@/lib/content/localized";
import type { Locale } from "@/lib/i18n/locales";
import { getLiveLibrarySnapshot } from "@/lib/library/live-library";
import { LIBRARY_VERSION_META } from "@/lib/library/version-meta";
import { CaseBrowser } from "@/components/cases/case-browser";
import { ClientMessages } from "@/app/_i18n/client-messages";

export async function casesMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "cases" });
  return { title: t("title"), description: t("description") };
}

export type CasesPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function CasesPage({ locale, searchParams }: CasesPageProps & { locale: Locale }) {
  setRequestLocale(locale);
  const query = caseListQuerySchema.parse(await searchParams);
  const t = await getTranslations("cases");
  // The live library: cases published in the app since the build are listed too.
  const { library, version } = await getLiveLibrarySnapshot();
  const causes = library.rootCauses.map((c) => ({ id: c.id, title: causeTitle(c, locale) }));
  const symptoms = ENTRY_SYMPTOMS.map((s) => ({ id: s.id, label: symptomLabel(s, locale) }));
  // Cases published in the app first, the most recently added first, so a new case is on the first page.
  const repository = getContentLibrary();
  const cases = [...library.cases.filter((c) => !repository.getCase(c.id)).reverse(), ...repository.cases].map(toCaseSummary);
  const matching = filterCases(cases, query, ENTRY_SYMPTOMS.find((s) => s.id === query.symptom)?.causes);
  const { rows, page, pageCount } = pageOfCases(matching, query.page);
  return (
    <ClientMessages locale={locale} namespaces={["cases", "enums", "filters"]}>
      <meta name={LIBRARY_VERSION_META} content={String(version)} />
      <h1>{t("title")}</h1>
      <Suspense>
        <CaseBrowser rows={rows} matched={matching.length} total={cases.length} page={page} pageCount={pageCount} causes={causes} symptoms={symptoms} />
      </Suspense>
    </ClientMessages>
  );
}

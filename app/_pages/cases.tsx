import { Suspense } from "react";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { toCaseSummary } from "@/lib/content/case-summary";
import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { getContentLibrary } from "@/lib/content/library";
import { causeTitle, symptomLabel } from "@/lib/content/localized";
import type { Locale } from "@/lib/i18n/locales";
import { CaseBrowser } from "@/components/cases/case-browser";

export async function casesMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "cases" });
  return { title: t("title"), description: t("description") };
}

export async function CasesPage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  const t = await getTranslations("cases");
  const library = getContentLibrary();
  const causes = library.rootCauses.map((c) => ({ id: c.id, title: causeTitle(c, locale) }));
  const symptoms = ENTRY_SYMPTOMS.map((s) => ({ id: s.id, label: symptomLabel(s, locale), causes: [...s.causes] }));
  return (
    <>
      <h1>{t("title")}</h1>
      <Suspense>
        <CaseBrowser cases={library.cases.map(toCaseSummary)} causes={causes} symptoms={symptoms} />
      </Suspense>
    </>
  );
}

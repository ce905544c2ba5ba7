// /library: the cases written in the app, by state, and the way to a new one.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { getPrisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { LIBRARY_STATES } from "@/lib/library/case-fields";
import { listLibraryCases } from "@/lib/library/repository";
import { CaseRowList } from "@/components/library/case-row-list";
import { requirePageViewer } from "@/app/_server/viewer";

export async function libraryMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "library" });
  return { title: t("title") };
}

export async function LibraryPage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  await requirePageViewer(localizePath("/library", locale));
  const t = await getTranslations("library");
  const cases = await listLibraryCases(getPrisma(), { limit: 500 });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <p className="button-row">
        <Link href={localizePath("/library/new", locale)} className="button primary">
          {t("new")}
        </Link>
        <Link href={localizePath("/review", locale)} className="button">
          {t("review")}
        </Link>
      </p>
      {LIBRARY_STATES.map((state) => {
        const inState = cases.filter((c) => c.status === state);
        return (
          <section key={state} aria-labelledby={`state-${state}`}>
            <h2 id={`state-${state}`}>{t(`states.${state}`)}</h2>
            {inState.length === 0 ? <p>{t("empty")}</p> : <CaseRowList cases={inState} locale={locale} />}
          </section>
        );
      })}
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { getContentLibrary } from "@/lib/content/library";
import { causeSummary, titlesOf } from "@/lib/content/localized";
import { LAYERS } from "@/lib/content/schema";
import type { Locale } from "@/lib/i18n/locales";
import { LocaleLink } from "@/components/i18n/locale-link";

export async function causesMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "causes" });
  return { title: t("title"), description: t("lede") };
}

export async function CausesPage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  const t = await getTranslations("causes");
  const layers = await getTranslations("enums.layer");
  const library = getContentLibrary();
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      {LAYERS.map((layer) => {
        const causes = library.rootCauses.filter((c) => c.frontmatter.layers[0] === layer);
        if (causes.length === 0) return null;
        return (
          <section key={layer} className="layer-group">
            <h2>{layers(layer)}</h2>
            <ul className="cause-list">
              {causes.map((cause) => {
                const { confirmed, suspected } = library.casesForCause(cause.frontmatter.id);
                const titles = titlesOf(cause.frontmatter, locale);
                return (
                  <li key={cause.id} className="cause-row">
                    <LocaleLink href={`/causes/${cause.id}`} className="case-title">
                      {titles.title}
                    </LocaleLink>
                    <span className="case-title-zh" lang={titles.otherLocale}>
                      {titles.otherTitle}
                    </span>
                    <span className="cause-summary" lang={locale === "zh" && !cause.zh ? "en" : undefined}>
                      {causeSummary(cause, locale)}
                    </span>
                    <span className="card-meta">{t("caseCount", { count: confirmed.length + suspected.length })}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

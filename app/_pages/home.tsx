import { getTranslations, setRequestLocale } from "next-intl/server";

import { ENTRY_SYMPTOMS, matchesEntrySymptom } from "@/lib/content/entry-symptoms";
import { getContentLibrary } from "@/lib/content/library";
import { causeTitle, symptomLabel } from "@/lib/content/localized";
import { LAYERS } from "@/lib/content/schema";
import type { Locale } from "@/lib/i18n/locales";
import { LanguageOffer } from "@/components/i18n/language-offer";
import { LocaleLink } from "@/components/i18n/locale-link";

export async function HomePage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const layers = await getTranslations("enums.layer");
  const library = getContentLibrary();
  const other = locale === "zh" ? "en" : "zh";

  return (
    <>
      {locale === "en" && <LanguageOffer />}
      <section className="hero">
        <h1>Netriage</h1>
        <p className="lede">{t("lede", { cases: library.cases.length, causes: library.rootCauses.length })}</p>
        <p className="button-row">
          <LocaleLink href="/triage" className="button primary">
            {t("triage")}
          </LocaleLink>
          <LocaleLink href="/cases" className="button">
            {t("browse")}
          </LocaleLink>
        </p>
      </section>

      <section aria-labelledby="by-symptom">
        <h2 id="by-symptom">{t("bySymptom")}</h2>
        <ul className="card-grid">
          {ENTRY_SYMPTOMS.map((symptom) => {
            // The same rule as the case list the card opens (/cases?symptom=...).
            const count = library.cases.filter((c) => matchesEntrySymptom(c.frontmatter, symptom)).length;
            return (
              <li key={symptom.id} className="card">
                <LocaleLink href={`/cases?symptom=${symptom.id}`} className="card-link">
                  <span className="card-title">{symptomLabel(symptom, locale)}</span>
                  <span className="card-sub" lang={other === "zh" ? "zh" : "en"}>
                    {symptomLabel(symptom, other)}
                  </span>
                  <span className="card-meta">{t("caseCount", { count })}</span>
                </LocaleLink>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="by-cause">
        <h2 id="by-cause">{t("byCause")}</h2>
        {LAYERS.map((layer) => {
          const causes = library.rootCauses.filter((c) => c.frontmatter.layers[0] === layer);
          if (causes.length === 0) return null;
          return (
            <div key={layer} className="layer-group">
              <h3>{layers(layer)}</h3>
              <ul className="chip-list">
                {causes.map((cause) => (
                  <li key={cause.id}>
                    <LocaleLink href={`/causes/${cause.id}`} className="chip">
                      {causeTitle(cause, locale)}
                    </LocaleLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </>
  );
}

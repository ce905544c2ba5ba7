import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { getCompiledEntry } from "@/lib/content/compiled";
import { getContentLibrary } from "@/lib/content/library";
import { caseSymptoms, titlesOf } from "@/lib/content/localized";
import { sourceCollection } from "@/lib/content/source-collections";
import type { Locale } from "@/lib/i18n/locales";
import { CaseList } from "@/components/cases/case-list";
import { CauseLinks } from "@/components/cases/cause-links";
import { MissingTranslationNote } from "@/components/i18n/missing-translation-note";
import { MdxContent } from "@/components/mdx/mdx-content";
import { CopyButton } from "@/components/ui/copy-button";

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
  const t = await getTranslations("case");
  const enums = await getTranslations("enums");
  const f = entry.frontmatter;
  const titles = titlesOf(f, locale);
  const compiled = await getCompiledEntry(entry, locale);
  const related = library.relatedCases(entry.id);
  const collection = sourceCollection(f.source.file);

  return (
    <article className="entry">
      <header className="entry-header">
        <p className="eyebrow">
          {t(`kind.${f.type}`)}
          {f.status === "unresolved" && <span className="badge badge-unresolved">{enums("status.unresolved")}</span>}
        </p>
        <h1>{titles.title}</h1>
        <p className="title-zh" lang={titles.otherLocale}>
          {titles.otherTitle}
        </p>
      </header>

      {compiled.locale !== locale && <MissingTranslationNote />}
      <div className="entry-layout">
        <MdxContent code={compiled.code} locale={locale} lang={compiled.locale} />

        <aside className="entry-aside" aria-label={t("facts")}>
          {f.rootCause && (
            <section>
              <h2>{t("rootCause")}</h2>
              <CauseLinks ids={[f.rootCause]} library={library} locale={locale} />
            </section>
          )}
          {f.suspectedCauses.length > 0 && (
            <section>
              <h2>{t("suspectedCauses")}</h2>
              <CauseLinks ids={f.suspectedCauses} library={library} locale={locale} />
            </section>
          )}
          {f.relatedCauses.length > 0 && (
            <section>
              <h2>{t("explains")}</h2>
              <CauseLinks ids={f.relatedCauses} library={library} locale={locale} />
            </section>
          )}
          {f.ruledOutCauses.length > 0 && (
            <section>
              <h2>{t("ruledOut")}</h2>
              <CauseLinks ids={f.ruledOutCauses} library={library} locale={locale} />
            </section>
          )}
          <section>
            <h2>{t("symptoms")}</h2>
            <ul className="plain-list" lang={entry.zh || locale === "en" ? undefined : "en"}>
              {caseSymptoms(entry, locale).map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </section>
          {f.commands.length > 0 && (
            <section>
              <h2>{t("commands")}</h2>
              <ul className="command-list">
                {f.commands.map((command) => (
                  <li key={command} className="command-item">
                    <code>{command}</code>
                    <CopyButton text={command} />
                  </li>
                ))}
              </ul>
            </section>
          )}
          {f.errorStrings.length > 0 && (
            <section>
              <h2>{t("errorStrings")}</h2>
              <ul className="plain-list mono">
                {f.errorStrings.map((s) => (
                  <li key={s}>
                    <code>{s}</code>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section>
            <h2>{t("environment")}</h2>
            <p className="badges">
              {f.platform.map((tag) => (
                <span key={tag} className="badge">
                  {enums(`platform.${tag}`)}
                </span>
              ))}
              {f.layers.map((tag) => (
                <span key={tag} className="badge">
                  {enums(`layer.${tag}`)}
                </span>
              ))}
            </p>
          </section>
          <section>
            <h2>{t("source")}</h2>
            <p className="source">
              {t.rich("sourceLine", {
                collection: collection ? (locale === "zh" ? collection.titleZh : collection.title) : t("caseNotes"),
                section: f.source.section,
                q: (chunks) => <q lang="zh">{chunks}</q>,
              })}
            </p>
          </section>
        </aside>
      </div>

      {related.length > 0 && (
        <section className="related">
          <h2>{t("related")}</h2>
          <CaseList cases={related} locale={locale} />
        </section>
      )}
    </article>
  );
}

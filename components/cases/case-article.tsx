import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

import type { CompiledPage } from "@/lib/content/compiled";
import type { ContentLibrary } from "@/lib/content/library";
import { caseSymptoms, titlesOf } from "@/lib/content/localized";
import type { CaseEntry } from "@/lib/content/parse-entry";
import { sourceCollection } from "@/lib/content/source-collections";
import type { Locale } from "@/lib/i18n/locales";
import { CaseList } from "@/components/cases/case-list";
import { CauseLinks } from "@/components/cases/cause-links";
import { MissingTranslationNote } from "@/components/i18n/missing-translation-note";
import { MdxContent } from "@/components/mdx/mdx-content";
import { CopyButton } from "@/components/ui/copy-button";

type Props = { entry: CaseEntry; compiled: CompiledPage; library: ContentLibrary; locale: Locale; feedback?: ReactNode };

/** A case as readers see it, from the repository or published in the app; `feedback` goes under the facts. */
export async function CaseArticle({ entry, compiled, library, locale, feedback }: Props) {
  const t = await getTranslations({ locale, namespace: "case" });
  const enums = await getTranslations({ locale, namespace: "enums" });
  const f = entry.frontmatter;
  const titles = titlesOf(f, locale);
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
          {feedback}
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

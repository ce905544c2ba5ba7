import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { getCompiledEntry } from "@/lib/content/compiled";
import { getContentLibrary } from "@/lib/content/library";
import { causeSummary, titlesOf } from "@/lib/content/localized";
import type { Locale } from "@/lib/i18n/locales";
import { getLiveLibrarySnapshot } from "@/lib/library/live-library";
import { LIBRARY_VERSION_META } from "@/lib/library/version-meta";
import { CaseList } from "@/components/cases/case-list";
import { MissingTranslationNote } from "@/components/i18n/missing-translation-note";
import { FeedbackPanel } from "@/components/library/feedback-panel";
import { MdxContent } from "@/components/mdx/mdx-content";
import { ClientMessages } from "@/app/_i18n/client-messages";

export type CausePageProps = { params: Promise<{ id: string }> };

export async function causeMetadata(locale: Locale, { params }: CausePageProps): Promise<Metadata> {
  const entry = getContentLibrary().getRootCause((await params).id);
  return entry ? { title: titlesOf(entry.frontmatter, locale).title, description: causeSummary(entry, locale) } : {};
}

export async function CausePage({ locale, params }: CausePageProps & { locale: Locale }) {
  setRequestLocale(locale);
  // The live library: its case lists include cases published in the app since the build.
  const { library, version } = await getLiveLibrarySnapshot();
  const entry = library.getRootCause((await params).id);
  if (!entry) notFound();
  const t = await getTranslations("cause");
  const f = entry.frontmatter;
  const titles = titlesOf(f, locale);
  const compiled = await getCompiledEntry(entry, locale);
  const cases = library.casesForCause(f.id);
  const groups = [
    { title: t("confirmed"), cases: cases.confirmed },
    { title: t("suspected"), cases: cases.suspected },
    { title: t("background"), cases: cases.background },
    { title: t("ruledOut"), cases: cases.ruledOut },
  ].filter((group) => group.cases.length > 0);

  return (
    <ClientMessages locale={locale} namespaces={["common", "errors", "feedback", "fieldErrors"]}>
      <article className="entry">
        <meta name={LIBRARY_VERSION_META} content={String(version)} />
        <header className="entry-header">
          <p className="eyebrow">
            {t("eyebrow")} · <code>{f.id}</code>
          </p>
          <h1>{titles.title}</h1>
          <p className="title-zh" lang={titles.otherLocale}>
            {titles.otherTitle}
          </p>
          <p className="lede" lang={locale === "zh" && !entry.zh ? "en" : undefined}>
            {causeSummary(entry, locale)}
          </p>
        </header>

        {compiled.locale !== locale && <MissingTranslationNote />}
        <div className="entry-layout">
          <MdxContent code={compiled.code} locale={locale} lang={compiled.locale} />
          <aside className="entry-aside" aria-label={t("asideLabel")}>
            <section>
              <h2>{t("signals")}</h2>
              <ul className="plain-list mono">
                {f.signals.map((signal) => (
                  <li key={signal}>
                    <code>{signal}</code>
                  </li>
                ))}
              </ul>
            </section>
            {groups.length === 0 && (
              <section>
                <h2>{t("cases")}</h2>
                <p>{t("noCases")}</p>
              </section>
            )}
            {groups.map((group) => (
              <section key={group.title}>
                <h2>{group.title}</h2>
                <CaseList cases={group.cases} locale={locale} />
              </section>
            ))}
            <FeedbackPanel target={{ causeId: f.id }} />
          </aside>
        </div>
      </article>
    </ClientMessages>
  );
}

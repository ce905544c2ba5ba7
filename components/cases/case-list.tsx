import { titlesOf } from "@/lib/content/localized";
import type { CaseEntry } from "@/lib/content/parse-entry";
import type { Locale } from "@/lib/i18n/locales";
import { LocaleLink } from "@/components/i18n/locale-link";

export function CaseList({ cases, locale }: { cases: CaseEntry[]; locale: Locale }) {
  return (
    <ul className="case-list compact">
      {cases.map((c) => {
        const titles = titlesOf(c.frontmatter, locale);
        return (
          <li key={c.id} className="case-row">
            <LocaleLink href={`/cases/${c.id}`} className="case-title">
              {titles.title}
            </LocaleLink>
            <span className="case-title-zh" lang={titles.otherLocale}>
              {titles.otherTitle}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

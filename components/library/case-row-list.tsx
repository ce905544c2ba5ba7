import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import type { LibraryCaseSummary } from "@/lib/library/repository";

/**
 * Cases written in the app, one row each: the title in the page's language (English while a draft has no Chinese
 * title yet), linking to the published page, else the editor; who started it, when it last changed, and an edit link.
 */
export function CaseRowList({ cases, locale }: { cases: LibraryCaseSummary[]; locale: Locale }) {
  const t = useTranslations("library");
  const format = useFormatter();
  return (
    <ul className="case-list compact">
      {cases.map((c) => {
        const editPath = localizePath(`/library/${c.id}/edit`, locale);
        return (
          <li key={c.id} className="case-row">
            <Link
              href={c.status === "published" ? localizePath(`/cases/${c.id}`, locale) : editPath}
              className="case-title"
              lang={locale === "zh" && !c.titleZh ? "en" : undefined}
            >
              {(locale === "zh" && c.titleZh) || c.title}
            </Link>
            <span className="card-meta">
              {c.createdBy ?? t("localUser")} · <time dateTime={c.updatedAt}>{format.dateTime(new Date(c.updatedAt), { dateStyle: "medium" })}</time> ·{" "}
              <Link href={editPath}>{t("edit")}</Link>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";

import { CASE_FILTER_KEYS, type CaseFilterKey } from "@/lib/content/case-filter";
import type { CaseSummary } from "@/lib/content/case-summary";
import { titlesOf } from "@/lib/content/localized";
import { CASE_STATUSES, CASE_TYPES, LAYERS, PLATFORMS } from "@/lib/content/schema";
import { isLocale } from "@/lib/i18n/locales";
import { LocaleLink } from "@/components/i18n/locale-link";

type Option = { value: string; label: string };
type Props = {
  /** One page of the cases the filters let through (filtered on the server, lib/content/case-filter.ts). */
  rows: CaseSummary[];
  matched: number;
  total: number;
  page: number;
  pageCount: number;
  causes: { id: string; title: string }[];
  symptoms: { id: string; label: string }[];
};

export function CaseBrowser({ rows, matched, total, page, pageCount, causes, symptoms }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const selected = (key: CaseFilterKey) => params.get(key) ?? "";
  const t = useTranslations("cases");
  const enums = useTranslations("enums");
  const filterLabels = useTranslations("filters");
  const locale = useLocale();
  const language = isLocale(locale) ? locale : "en";
  const named = (group: "platform" | "layer" | "status" | "type", values: readonly string[]): Option[] =>
    values.map((value) => ({ value, label: enums(`${group}.${value}`) }));

  const options: Record<CaseFilterKey, { label: string; options: Option[] }> = {
    symptom: { label: filterLabels("symptom"), options: symptoms.map((s) => ({ value: s.id, label: s.label })) },
    platform: { label: filterLabels("platform"), options: named("platform", PLATFORMS) },
    layer: { label: filterLabels("layer"), options: named("layer", LAYERS) },
    cause: { label: filterLabels("cause"), options: causes.map((c) => ({ value: c.id, label: c.title })) },
    status: { label: filterLabels("status"), options: named("status", CASE_STATUSES) },
    type: { label: filterLabels("type"), options: named("type", CASE_TYPES) },
  };

  /** The list's URL with `key` set to `value` (removed when empty); a new filter starts at page 1. */
  function hrefWith(key: CaseFilterKey | "page", value: string): string {
    const next = new URLSearchParams(params.toString());
    if (key !== "page") next.delete("page");
    if (value && !(key === "page" && value === "1")) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  }

  const active = CASE_FILTER_KEYS.some((key) => selected(key));

  return (
    <div className="case-browser">
      <form className="filters" aria-label={t("filterLabel")} onSubmit={(event) => event.preventDefault()}>
        {CASE_FILTER_KEYS.map((key) => (
          <label key={key} className="filter">
            <span>{options[key].label}</span>
            <select name={key} value={selected(key)} onChange={(event) => router.replace(hrefWith(key, event.target.value), { scroll: false })}>
              <option value="">{filterLabels("all")}</option>
              {options[key].options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        {active && (
          <button type="button" className="link-button" onClick={() => router.replace(pathname, { scroll: false })}>
            {t("clearFilters")}
          </button>
        )}
      </form>

      <p className="result-count" aria-live="polite">
        {t("shown", { shown: matched, total })}
      </p>
      <ul className="case-list">
        {rows.map((c) => {
          const titles = titlesOf(c, language);
          return (
            <li key={c.id} className="case-row">
              <LocaleLink href={`/cases/${c.id}`} className="case-title">
                {titles.title}
              </LocaleLink>
              <span className="case-title-zh" lang={titles.otherLocale}>
                {titles.otherTitle}
              </span>
              <span className="badges">
                <span className={`badge badge-${c.type}`}>{enums(`type.${c.type}`)}</span>
                {c.status === "unresolved" && <span className="badge badge-unresolved">{enums("status.unresolved")}</span>}
                {c.platform.map((p) => (
                  <span key={p} className="badge">
                    {enums(`platform.${p}`)}
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
      {matched === 0 && <p>{t("noMatch")}</p>}
      {pageCount > 1 && (
        <nav className="pager" aria-label={t("pages")}>
          {page > 1 && <a href={hrefWith("page", String(page - 1))}>{t("previousPage")}</a>}
          <span>{t("pageOf", { page, pageCount })}</span>
          {page < pageCount && <a href={hrefWith("page", String(page + 1))}>{t("nextPage")}</a>}
        </nav>
      )}
    </div>
  );
}

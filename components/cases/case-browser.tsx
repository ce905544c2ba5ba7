"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";

import type { CaseSummary } from "@/lib/content/case-summary";
import { titlesOf } from "@/lib/content/localized";
import { CASE_STATUSES, CASE_TYPES, LAYERS, PLATFORMS } from "@/lib/content/schema";
import { isLocale } from "@/lib/i18n/locales";
import { LocaleLink } from "@/components/i18n/locale-link";

type Option = { value: string; label: string };
type Props = {
  cases: CaseSummary[];
  causes: { id: string; title: string }[];
  symptoms: { id: string; label: string; causes: string[] }[];
};

const FILTER_KEYS = ["symptom", "platform", "layer", "cause", "status", "type"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export function CaseBrowser({ cases, causes, symptoms }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const selected = (key: FilterKey) => params.get(key) ?? "";
  const t = useTranslations("cases");
  const enums = useTranslations("enums");
  const filterLabels = useTranslations("filters");
  const locale = useLocale();
  const language = isLocale(locale) ? locale : "en";
  const named = (group: "platform" | "layer" | "status" | "type", values: readonly string[]): Option[] =>
    values.map((value) => ({ value, label: enums(`${group}.${value}`) }));

  const options: Record<FilterKey, { label: string; options: Option[] }> = {
    symptom: { label: filterLabels("symptom"), options: symptoms.map((s) => ({ value: s.id, label: s.label })) },
    platform: { label: filterLabels("platform"), options: named("platform", PLATFORMS) },
    layer: { label: filterLabels("layer"), options: named("layer", LAYERS) },
    cause: { label: filterLabels("cause"), options: causes.map((c) => ({ value: c.id, label: c.title })) },
    status: { label: filterLabels("status"), options: named("status", CASE_STATUSES) },
    type: { label: filterLabels("type"), options: named("type", CASE_TYPES) },
  };

  const symptomCauses = symptoms.find((s) => s.id === selected("symptom"))?.causes;
  const visible = cases.filter(
    (c) =>
      (!symptomCauses || c.causes.some((cause) => symptomCauses.includes(cause))) &&
      (!selected("platform") || c.platform.some((p) => p === selected("platform"))) &&
      (!selected("layer") || c.layers.some((l) => l === selected("layer"))) &&
      (!selected("cause") || c.causes.includes(selected("cause"))) &&
      (!selected("status") || c.status === selected("status")) &&
      (!selected("type") || c.type === selected("type")),
  );

  function setFilter(key: FilterKey, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  const active = FILTER_KEYS.some((key) => selected(key));

  return (
    <div className="case-browser">
      <form className="filters" aria-label={t("filterLabel")} onSubmit={(event) => event.preventDefault()}>
        {FILTER_KEYS.map((key) => (
          <label key={key} className="filter">
            <span>{options[key].label}</span>
            <select name={key} value={selected(key)} onChange={(event) => setFilter(key, event.target.value)}>
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
        {t("shown", { shown: visible.length, total: cases.length })}
      </p>
      <ul className="case-list">
        {visible.map((c) => {
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
      {visible.length === 0 && <p>{t("noMatch")}</p>}
    </div>
  );
}

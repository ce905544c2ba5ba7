import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { causeTitle } from "@/lib/content/localized";
import { CASE_TYPES, LAYERS, PLATFORMS } from "@/lib/content/schema";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { getLiveLibrary, getLiveSearchIndex } from "@/lib/library/live-library";
import { rankContent, searchContent } from "@/lib/search/search";
import { parseSearchParams, toSearchOptions } from "@/lib/search/search-params";
import { LocaleLink } from "@/components/i18n/locale-link";
import { SearchForm, type SearchFilterField } from "@/components/search/search-form";
import { SearchLogger } from "@/components/search/search-logger";
import { SearchResults } from "@/components/search/search-results";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { requireLibraryPage } from "@/app/_server/viewer";

export type SearchPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const RESULTS = 20;
const EXAMPLES: Record<Locale, string[]> = {
  en: ["tcp_tw_recycle NAT", "DNS 解析偶尔 5 秒", "insert_failed", "no live upstreams while connecting to upstream"],
  zh: ["DNS 解析偶尔 5 秒", "tcp_tw_recycle NAT", "半连接队列溢出", "insert_failed"],
};

export async function searchMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "search" });
  return { title: t("title"), description: t("description") };
}

export async function SearchPage({ locale, searchParams }: SearchPageProps & { locale: Locale }) {
  setRequestLocale(locale);
  await requireLibraryPage(localizePath("/search", locale));
  const t = await getTranslations("search");
  const enums = await getTranslations("enums");
  const filterLabels = await getTranslations("filters");
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) if (typeof value === "string") params.set(key, value);
  if (!params.has("limit")) params.set("limit", String(RESULTS));
  const query = params.get("q")?.trim() ?? "";
  const parsed = parseSearchParams(params);
  const index = await getLiveSearchIndex();
  const hits = parsed.ok ? searchContent(index, parsed.params.q, toSearchOptions(parsed.params)) : [];
  // How many matched in all, not how many are shown.
  const matched =
    parsed.ok && hits.length > 0 ? rankContent(index, parsed.params.q, { ...toSearchOptions(parsed.params), limit: index.documents.length }).length : 0;

  const library = await getLiveLibrary();
  const named = (group: "platform" | "layer" | "type", values: readonly string[]) => values.map((value) => ({ value, label: enums(`${group}.${value}`) }));
  const filters: SearchFilterField[] = [
    {
      name: "kind",
      label: filterLabels("kind"),
      options: [
        { value: "case", label: filterLabels("kindCase") },
        { value: "cause", label: filterLabels("kindCause") },
      ],
    },
    { name: "platform", label: filterLabels("platform"), options: named("platform", PLATFORMS) },
    { name: "layer", label: filterLabels("layer"), options: named("layer", LAYERS) },
    { name: "cause", label: filterLabels("cause"), options: library.rootCauses.map((c) => ({ value: c.id, label: causeTitle(c, locale) })) },
    { name: "type", label: filterLabels("type"), options: named("type", CASE_TYPES) },
  ];
  const selected = Object.fromEntries(filters.map((f) => [f.name, params.get(f.name) ?? ""]));

  return (
    <ClientMessages locale={locale} namespaces={["errors", "fieldErrors", "filters"]}>
      <h1>{t("title")}</h1>
      <SearchForm query={query} selected={selected} filters={filters}>
        {!query ? (
          <p className="search-hint">
            {t("try")}{" "}
            {EXAMPLES[locale].map((example, i) => (
              <span key={example}>
                {i > 0 && t("listSeparator")}
                <LocaleLink href={`/search?${new URLSearchParams({ q: example })}`}>
                  <code>{example}</code>
                </LocaleLink>
              </span>
            ))}
            {t.rich("slashHint", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
          </p>
        ) : !parsed.ok ? (
          <p className="search-error" role="alert">
            {t.rich("invalid", { error: parsed.error, code: (chunks) => <code>{chunks}</code> })}
          </p>
        ) : (
          <>
            <SearchLogger params={Object.fromEntries([...params].filter(([name]) => name !== "limit"))} />
            <SearchResults hits={hits} matched={matched} />
          </>
        )}
      </SearchForm>
    </ClientMessages>
  );
}

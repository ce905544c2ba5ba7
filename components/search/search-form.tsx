"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

import { ApiError } from "@/lib/http/fetch-json";
import type { SearchHit } from "@/lib/search/search";
import { useLocalePath } from "@/components/i18n/locale-link";
import { useErrorMessage } from "@/components/i18n/use-error-message";
import { fetchSearch, fitsInUrl, takeLongQuery } from "@/components/search/fetch-search";
import { SearchResults } from "@/components/search/search-results";
import { useSlashToFocus } from "@/components/search/use-slash-to-focus";

type Option = { value: string; label: string };
export type SearchFilterField = { name: "kind" | "platform" | "layer" | "cause" | "type"; label: string; options: Option[] };

type Props = {
  query: string;
  selected: Partial<Record<SearchFilterField["name"], string>>;
  filters: SearchFilterField[];
  /** The results the server rendered for the URL's query. */
  children: ReactNode;
};

const DEBOUNCE_MS = 200;
/** Results shown for a query too long for a URL. */
const RESULTS = 20;

type LongQueryResult = { hits: SearchHit[]; more: boolean } | { error: string };

/**
 * The search page's query box and filters; every change updates the URL, and the page re-renders the
 * results. A query too long for a URL (a pasted log) is sent in a POST body and its results shown here.
 */
export function SearchForm({ query, selected, filters, children }: Props) {
  const router = useRouter();
  const t = useTranslations("search");
  const allLabel = useTranslations("filters")("all");
  const describe = useErrorMessage();
  const searchPath = useLocalePath("/search");
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(query);
  const [choices, setChoices] = useState(selected);
  const [longQuery, setLongQuery] = useState<LongQueryResult>();
  const pending = useRef<AbortController>(undefined);
  useSlashToFocus(inputRef);

  // Back and forward change the URL under us; follow it unless the person is typing.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setText(query);
  }, [query]);

  // The header's search box hands over a query too long for a URL; the typing effect below sends it.
  useEffect(() => {
    const handedOver = takeLongQuery();
    if (handedOver) setText(handedOver);
  }, []);

  function navigate(nextText: string, nextChoices: typeof choices) {
    const params: Record<string, string> = {};
    if (nextText.trim()) params.q = nextText.trim();
    for (const [name, value] of Object.entries(nextChoices)) if (value) params[name] = value;
    pending.current?.abort();
    const url = `${searchPath}?${new URLSearchParams(params)}`;
    if (fitsInUrl(url)) {
      setLongQuery(undefined);
      router.replace(url.endsWith("?") ? searchPath : url, { scroll: false });
    } else void searchByBody(params);
  }

  async function searchByBody(params: Record<string, string>) {
    const controller = new AbortController();
    pending.current = controller;
    try {
      const hits = await fetchSearch<SearchHit[]>({ ...params, limit: String(RESULTS + 1) }, controller.signal);
      setLongQuery({ hits: hits.slice(0, RESULTS), more: hits.length > RESULTS });
    } catch (error) {
      if (controller.signal.aborted) return;
      setLongQuery({ error: error instanceof ApiError ? describe(error) : t("failed") });
    }
  }

  useEffect(() => {
    if (text === query) return;
    const timer = setTimeout(() => navigate(text, choices), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // Typing navigates after a pause; a filter change navigates at once (in its onChange).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing schedules a navigation
  }, [text]);

  const lines = Math.min(8, text.split("\n").length);

  return (
    <>
      <form
        role="search"
        action={searchPath}
        method="get"
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(text, choices);
        }}
      >
        <label className="search-query">
          <span className="visually-hidden">{t("title")}</span>
          <textarea
            ref={inputRef}
            name="q"
            value={text}
            rows={lines}
            autoFocus={!query}
            spellCheck={false}
            placeholder={t("placeholder")}
            aria-keyshortcuts="/"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.shiftKey) {
                event.preventDefault();
                navigate(text, choices);
              }
            }}
          />
        </label>
        <div className="filters" role="group" aria-label={t("filterLabel")}>
          {filters.map((filter) => (
            <label key={filter.name} className="filter">
              <span>{filter.label}</span>
              <select
                name={filter.name}
                value={choices[filter.name] ?? ""}
                onChange={(event) => {
                  const next = { ...choices, [filter.name]: event.target.value };
                  setChoices(next);
                  navigate(text, next);
                }}
              >
                <option value="">{allLabel}</option>
                {filter.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <noscript>
            <button type="submit">{t("submit")}</button>
          </noscript>
        </div>
      </form>
      {!longQuery ? (
        children
      ) : "error" in longQuery ? (
        <p className="search-error" role="alert">
          {longQuery.error}
        </p>
      ) : (
        <SearchResults hits={longQuery.hits} matched={longQuery.more ? "more" : longQuery.hits.length} />
      )}
    </>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

import { useLocalePath } from "@/components/i18n/locale-link";
import { useSlashToFocus } from "@/components/search/use-slash-to-focus";

type Option = { value: string; label: string };
export type SearchFilterField = { name: "kind" | "platform" | "layer" | "cause" | "type"; label: string; options: Option[] };

type Props = {
  query: string;
  selected: Partial<Record<SearchFilterField["name"], string>>;
  filters: SearchFilterField[];
};

const DEBOUNCE_MS = 200;

/** The search page's query box and filters; every change updates the URL, and the page re-renders the results. */
export function SearchForm({ query, selected, filters }: Props) {
  const router = useRouter();
  const t = useTranslations("search");
  const allLabel = useTranslations("filters")("all");
  const searchPath = useLocalePath("/search");
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(query);
  const [choices, setChoices] = useState(selected);
  useSlashToFocus(inputRef);

  // Back and forward change the URL under us; follow it unless the person is typing.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setText(query);
  }, [query]);

  function navigate(nextText: string, nextChoices: typeof choices) {
    const params = new URLSearchParams();
    if (nextText.trim()) params.set("q", nextText.trim());
    for (const [name, value] of Object.entries(nextChoices)) if (value) params.set(name, value);
    router.replace(`${searchPath}${params.size ? `?${params}` : ""}`, { scroll: false });
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
  );
}

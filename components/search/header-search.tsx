"use client";

import { useEffect, useId, useRef, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";

import { splitLocale } from "@/lib/i18n/paths";
import type { SearchHit } from "@/lib/search/search";
import { useLocalePath, useLocalize } from "@/components/i18n/locale-link";
import { fetchSearch, fitsInUrl, handOverLongQuery } from "@/components/search/fetch-search";
import { HighlightedText } from "@/components/search/highlighted-text";
import { useSlashToFocus } from "@/components/search/use-slash-to-focus";

const SUGGESTIONS = 8;
const DEBOUNCE_MS = 150;

/** The search box in the site header: results as you type, Enter opens the full results page. */
export function HeaderSearch() {
  const pathname = usePathname();
  // The results page has its own, larger search box.
  if (splitLocale(pathname).path === "/search") return null;
  return <HeaderSearchBox key={pathname} />;
}

function HeaderSearchBox() {
  const router = useRouter();
  const t = useTranslations("headerSearch");
  const kinds = useTranslations("search");
  const localize = useLocalize();
  const language = useLocale();
  const searchPath = useLocalePath("/search");
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useSlashToFocus(inputRef);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        setHits(await fetchSearch<SearchHit[]>({ q, limit: String(SUGGESTIONS) }, controller.signal));
        setActive(-1);
      } catch {
        // aborted by the next keystroke, or the search failed: keep the list
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const showList = open && query.trim() !== "";
  const resultsHref = `${searchPath}?${new URLSearchParams({ q: query.trim() })}`;

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => Math.max(-1, Math.min(hits.length - 1, current + step)));
    } else if (event.key === "Escape") {
      setOpen(false);
    } else if (event.key === "Enter" && active >= 0 && hits[active]) {
      event.preventDefault();
      setOpen(false);
      router.push(localize(hits[active].url));
    }
  }

  // A query too long for a URL goes to the results page by hand, which sends it in a POST body.
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    setOpen(false);
    if (fitsInUrl(resultsHref)) return;
    event.preventDefault();
    handOverLongQuery(query.trim());
    router.push(searchPath);
  }

  // Pasted log lines keep a space where their line breaks were (an input would drop the breaks).
  function onPaste(event: React.ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData("text");
    if (!/[\r\n]/.test(text)) return;
    event.preventDefault();
    const input = event.currentTarget;
    const flat = text
      .split(/[\r\n]+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(" ");
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    setQuery(input.value.slice(0, start) + flat + input.value.slice(end));
    setOpen(true);
  }

  return (
    <form role="search" action={searchPath} method="get" className="header-search" onSubmit={onSubmit}>
      <input
        ref={inputRef}
        type="search"
        name="q"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        placeholder={t("placeholder")}
        aria-label={t("label")}
        aria-keyshortcuts="/"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      <kbd className="search-key" aria-hidden="true">
        /
      </kbd>
      {showList && (
        <div className="search-popup">
          <ul id={listId} role="listbox" aria-label={t("results")} className="search-suggestions">
            {hits.map((hit, i) => (
              <li
                key={hit.url}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="search-suggestion"
                // mousedown, not click: the input's blur would close the list first
                onMouseDown={(event) => {
                  event.preventDefault();
                  setOpen(false);
                  router.push(localize(hit.url));
                }}
                onMouseEnter={() => setActive(i)}
              >
                <a href={localize(hit.url)} tabIndex={-1} className="search-hit-title">
                  {language === "zh" ? (
                    <HighlightedText text={hit.titleZh} ranges={hit.highlights.titleZh} />
                  ) : (
                    <HighlightedText text={hit.title} ranges={hit.highlights.title} />
                  )}
                </a>
                <span className={`badge badge-${hit.kind}`}>{kinds(hit.kind === "case" ? "kindCase" : "kindCause")}</span>
                <span className="search-hit-snippet" data-content-snippet>
                  <HighlightedText text={hit.snippet} ranges={hit.highlights.snippet} />
                </span>
              </li>
            ))}
          </ul>
          <a
            href={resultsHref}
            className="search-all"
            onMouseDown={(event) => {
              event.preventDefault();
              setOpen(false);
              router.push(resultsHref);
            }}
          >
            {hits.length === 0 ? t("noQuickMatch") : t("allResults")} →
          </a>
        </div>
      )}
    </form>
  );
}

import { useLocale, useTranslations } from "next-intl";

import type { SearchHit } from "@/lib/search/search";
import { LocaleLink } from "@/components/i18n/locale-link";
import { HighlightedText } from "@/components/search/highlighted-text";

/** `matched`: how many entries matched in all ("more" when only known to exceed the hits shown). */
type Props = { hits: SearchHit[]; matched: number | "more" };

/** The search page's result count and list, the same whether the server or the search box fetched them. */
export function SearchResults({ hits, matched }: Props) {
  const t = useTranslations("search");
  const zh = useLocale() === "zh";
  const shown = hits.length;
  const count =
    shown === 0
      ? t("noMatch")
      : matched === "more"
        ? t("moreShown", { shown })
        : matched > shown
          ? t("someShown", { matched, shown })
          : t("matched", { count: matched });
  return (
    <>
      <p className="result-count" aria-live="polite">
        {count}
      </p>
      <ol className="search-results">
        {hits.map((hit) => {
          // The title in the page's language first, the other one under it, marked with its language.
          const [title, otherTitle] = zh ? (["titleZh", "title"] as const) : (["title", "titleZh"] as const);
          return (
            <li key={hit.url} className="search-result">
              <span className="search-result-head">
                <LocaleLink href={hit.url} className="search-hit-title">
                  <HighlightedText text={hit[title]} ranges={hit.highlights[title]} />
                </LocaleLink>
                <span className={`badge badge-${hit.kind}`}>{t(hit.kind === "case" ? "kindCase" : "kindCause")}</span>
              </span>
              <span className="case-title-zh" lang={zh ? "en" : "zh"}>
                <HighlightedText text={hit[otherTitle]} ranges={hit.highlights[otherTitle]} />
              </span>
              <span className="search-hit-snippet" data-content-snippet>
                <HighlightedText text={hit.snippet} ranges={hit.highlights.snippet} />
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}

import Link from "next/link";

import type { SearchHit } from "@/lib/search/search";
import { HighlightedText } from "@/components/search/highlighted-text";

/** `matched`: how many entries matched in all ("more" when only known to exceed the hits shown). */
type Props = { hits: SearchHit[]; matched: number | "more" };

function countLine(shown: number, matched: number | "more"): string {
  if (shown === 0) return "No case or root cause matches.";
  if (matched === "more") return `More entries match; the best ${shown} are shown.`;
  if (matched > shown) return `${matched} entries match; the best ${shown} are shown.`;
  return matched === 1 ? "1 entry matches." : `${matched} entries match.`;
}

/** The search page's result count and list, the same whether the server or the search box fetched them. */
export function SearchResults({ hits, matched }: Props) {
  return (
    <>
      <p className="result-count" aria-live="polite">
        {countLine(hits.length, matched)}
      </p>
      <ol className="search-results">
        {hits.map((hit) => (
          <li key={hit.url} className="search-result">
            <span className="search-result-head">
              <Link href={hit.url} className="search-hit-title">
                <HighlightedText text={hit.title} ranges={hit.highlights.title} />
              </Link>
              <span className={`badge badge-${hit.kind}`}>{hit.kind === "case" ? "case" : "root cause"}</span>
            </span>
            <span className="case-title-zh" lang="zh">
              <HighlightedText text={hit.titleZh} ranges={hit.highlights.titleZh} />
            </span>
            <span className="search-hit-snippet">
              <HighlightedText text={hit.snippet} ranges={hit.highlights.snippet} />
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

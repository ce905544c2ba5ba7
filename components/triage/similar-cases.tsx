"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

import type { SimilarCasesRequest } from "@/lib/triage/client-types";
import { mergeSimilarHits } from "@/lib/triage/similar-hits";
import { LocaleLink as Link } from "@/components/i18n/locale-link";
import { fetchSearch } from "@/components/search/fetch-search";

type Hit = { id: string; title: string; snippet: string };

/**
 * The past cases most like this ticket, searched with what the engine read (its signals, leading
 * causes and the ticket's words); the leading cause's cases come first when the evidence points at it.
 */
export function SimilarCases({ request }: { request?: SimilarCasesRequest }) {
  const [hits, setHits] = useState<Hit[]>([]);
  const t = useTranslations("session");
  const query = request?.query.trim() ?? "";
  const cause = request?.cause;

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const [causeHits, general] = await Promise.all([
          cause ? fetchSearch<Hit[]>({ kind: "case", q: query, limit: "2", cause }, controller.signal) : Promise.resolve([]),
          fetchSearch<Hit[]>({ kind: "case", q: query, limit: "5" }, controller.signal),
        ]);
        setHits(mergeSimilarHits(causeHits, general));
      } catch {
        // aborted, offline or failed: keep the previous list
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, cause]);

  if (!query || hits.length === 0) return null;
  return (
    <section aria-labelledby="similar-title" className="panel">
      <h2 id="similar-title">{t("similar")}</h2>
      <ul className="case-list compact">
        {hits.map((hit) => (
          <li key={hit.id} className="case-row">
            <Link href={`/cases/${hit.id}`} className="case-title">
              {hit.title}
            </Link>
            <span className="card-meta" data-content-snippet>
              {hit.snippet}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

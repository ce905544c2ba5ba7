"use client";

import { useEffect, useState } from "react";
import Link from "next/link";

import { fetchJson } from "@/lib/http/fetch-json";

type Hit = { id: string; title: string; snippet: string };

/** Longest query the search API takes. */
const MAX_QUERY = 2000;

/** The past cases most like this ticket, from the same search as /search. */
export function SimilarCases({ text }: { text: string }) {
  const [hits, setHits] = useState<Hit[]>([]);
  const query = text.trim().slice(0, MAX_QUERY);

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        setHits(await fetchJson<Hit[]>(`/api/search?kind=case&limit=5&q=${encodeURIComponent(query)}`, { signal: controller.signal }));
      } catch {
        // aborted, offline or failed: keep the previous list
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  if (!query || hits.length === 0) return null;
  return (
    <section aria-labelledby="similar-title" className="panel">
      <h2 id="similar-title">Similar past cases</h2>
      <ul className="case-list compact">
        {hits.map((hit) => (
          <li key={hit.id} className="case-row">
            <Link href={`/cases/${hit.id}`} className="case-title">
              {hit.title}
            </Link>
            <span className="card-meta">{hit.snippet}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

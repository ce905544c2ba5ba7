"use client";

import { useEffect, useState } from "react";
import Link from "next/link";

import { fetchJson } from "@/lib/http/fetch-json";

type Hit = { id: string; title: string; snippet: string };

/** Longest query the search API takes. */
const MAX_QUERY = 2000;
const SHOWN = 5;
/** From this likelihood on, the leading cause's own cases come first. */
const LEADING_SHARE = 0.2;

type Props = {
  /** The ticket's own words. */
  description: string;
  /** What the engine read in the ticket and outputs, in words (never the raw output lines). */
  findings: string[];
  leadingCause?: { id: string; title: string; score: number };
};

/** The past cases most like this ticket: the leading cause's cases first, then the best search matches. */
export function SimilarCases({ description, findings, leadingCause }: Props) {
  const [hits, setHits] = useState<Hit[]>([]);
  const query = [description.trim(), ...findings].filter(Boolean).join("\n").slice(0, MAX_QUERY) || leadingCause?.title || "";
  const cause = leadingCause && leadingCause.score >= LEADING_SHARE ? leadingCause.id : undefined;

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    const search = (extra: Record<string, string>) =>
      fetchJson<Hit[]>(`/api/search?${new URLSearchParams({ kind: "case", limit: String(SHOWN), q: query, ...extra })}`, { signal: controller.signal });
    const timer = setTimeout(async () => {
      try {
        const [ofCause, all] = await Promise.all([cause ? search({ cause, limit: "2" }) : Promise.resolve([]), search({})]);
        const seen = new Set<string>();
        setHits([...ofCause, ...all].filter((hit) => !seen.has(hit.id) && seen.add(hit.id)).slice(0, SHOWN));
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

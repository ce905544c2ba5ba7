"use client";

import { useEffect } from "react";

import { fetchJson } from "@/lib/http/fetch-json";

/** A search counts once the results have stayed this long (typing pauses re-render the page sooner). */
const SETTLED_MS = 1500;

type Props = { params: Record<string, string> };

/**
 * Logs the search page's search once it has settled, and clicks on its results, for /insights
 * (the query text and the result clicked; nothing about who searched). Renders nothing.
 */
export function SearchLogger({ params }: Props) {
  const key = JSON.stringify(params);
  useEffect(() => {
    const search = JSON.parse(key) as Record<string, string>;
    let logged: Promise<string | undefined> | undefined;
    const log = (clicked?: string) =>
      (logged = fetchJson<{ id: string }>("/api/search/log", { method: "POST", body: clicked ? { ...search, clicked } : search, keepalive: true }).then(
        (answer) => answer.id,
        () => undefined,
      ));
    const timer = setTimeout(() => void log(), SETTLED_MS);
    const onClick = (event: MouseEvent) => {
      const url = (event.target as Element | null)?.closest?.(".search-results a[href]")?.getAttribute("href");
      if (!url) return;
      if (!logged) {
        clearTimeout(timer);
        void log(url);
        return;
      }
      void logged.then((id) => id && fetchJson("/api/search/clicks", { method: "POST", body: { search: id, url }, keepalive: true }).catch(() => undefined));
    };
    document.addEventListener("click", onClick);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("click", onClick);
    };
  }, [key]);
  return null;
}

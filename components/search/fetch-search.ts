import { fetchJson } from "@/lib/http/fetch-json";

/** Longest /api/search URL sent as a GET; past it the parameters go as a POST body (a 2,000-character Chinese query is an 18 KB URL, which servers refuse with 431). */
const MAX_GET_URL = 2000;

/** Whether a search URL is short enough to send as a GET (or to navigate to). */
export function fitsInUrl(url: string): boolean {
  return url.length <= MAX_GET_URL;
}

/** Asks /api/search, by GET while the URL is short and by POST (same answer) when it is long. */
export function fetchSearch<T>(params: Record<string, string>, signal?: AbortSignal): Promise<T> {
  const url = `/api/search?${new URLSearchParams(params)}`;
  if (fitsInUrl(url)) return fetchJson<T>(url, { signal });
  return fetchJson<T>("/api/search", { method: "POST", body: params, signal });
}

const LONG_QUERY_KEY = "netriage:long-search-query";

/** Leaves a query too long for a URL for the search page to pick up (takeLongQuery) after navigating there. */
export function handOverLongQuery(query: string): void {
  sessionStorage.setItem(LONG_QUERY_KEY, query);
}

/** The query handed over by handOverLongQuery, once. */
export function takeLongQuery(): string | undefined {
  const query = sessionStorage.getItem(LONG_QUERY_KEY) ?? undefined;
  sessionStorage.removeItem(LONG_QUERY_KEY);
  return query;
}

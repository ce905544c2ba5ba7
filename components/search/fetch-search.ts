import { fetchJson } from "@/lib/http/fetch-json";

/** Longest /api/search URL sent as a GET; past it the parameters go as a POST body (a 2,000-character Chinese query is an 18 KB URL, which servers refuse with 431). */
const MAX_GET_URL = 2000;

/** Asks /api/search, by GET while the URL is short and by POST (same answer) when it is long. */
export function fetchSearch<T>(params: Record<string, string>, signal?: AbortSignal): Promise<T> {
  const url = `/api/search?${new URLSearchParams(params)}`;
  if (url.length <= MAX_GET_URL) return fetchJson<T>(url, { signal });
  return fetchJson<T>("/api/search", { method: "POST", body: params, signal });
}

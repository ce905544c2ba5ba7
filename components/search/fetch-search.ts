/** Longest /api/search URL sent as a GET; past it the parameters go as a POST body (a 2,000-character Chinese query is an 18 KB URL, which servers refuse with 431). */
const MAX_GET_URL = 2000;

/** Asks /api/search, by GET while the URL is short and by POST (same answer) when it is long. */
export function fetchSearch(params: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  const url = `/api/search?${new URLSearchParams(params)}`;
  if (url.length <= MAX_GET_URL) return fetch(url, { signal });
  return fetch("/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params), signal });
}

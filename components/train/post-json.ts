/** POSTs JSON to one of our API routes; throws with the route's `{ error }` message on a non-2xx answer. */
export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(typeof json.error === "string" ? json.error : `HTTP ${response.status}`);
  return json as T;
}

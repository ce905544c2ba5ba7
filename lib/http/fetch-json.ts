/**
 * The browser's one way to call our API: JSON in, JSON out, and every failure as an ApiError that
 * carries the status and the route's `{ error }` message. A non-JSON answer (a proxy's HTML error
 * page, an empty 502) is never parsed as JSON; its status still comes through.
 */

/** status 0: the request never got an answer (offline, DNS, connection reset). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get offline(): boolean {
    return this.status === 0;
  }
}

/** keepalive: the request outlives the page (a click that navigates away). */
export type FetchOptions = { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown; signal?: AbortSignal; keepalive?: boolean };

/** Calls an API route and returns its JSON answer (undefined for an empty one). Throws ApiError; an abort rethrows as is. */
export async function fetchJson<T>(url: string, options: FetchOptions = {}): Promise<T> {
  const response = await send(url, options);
  const text = await response.text();
  const json = isJson(response) && text.trim() !== "" ? parseOrUndefined(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, errorMessage(response, json));
  if (text.trim() !== "" && json === undefined)
    throw new ApiError(response.status, `expected JSON from ${url}, got ${response.headers.get("content-type") ?? "no content type"}`);
  return json as T;
}

/** Like fetchJson for a route that answers plain text (an export); errors are still read from JSON. */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<string> {
  const response = await send(url, options);
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, errorMessage(response, isJson(response) ? parseOrUndefined(text) : undefined));
  return text;
}

async function send(url: string, { method = "GET", body, signal, keepalive }: FetchOptions): Promise<Response> {
  const init: RequestInit = { method, signal, ...(keepalive ? { keepalive } : {}) };
  if (body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(body);
  }
  try {
    return await fetch(url, init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, `no answer from the server (${error instanceof Error ? error.message : String(error)})`);
  }
}

function isJson(response: Response): boolean {
  return /\bjson\b/i.test(response.headers.get("content-type") ?? "");
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorMessage(response: Response, json: unknown): string {
  const error = typeof json === "object" && json !== null ? (json as { error?: unknown }).error : undefined;
  if (typeof error === "string" && error !== "") return error;
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
}

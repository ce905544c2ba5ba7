import { ZodError } from "zod";

import { FieldError } from "../field-error";
import { publicOrigin, type OriginSettings } from "./public-origin";

/** A failure the client caused, with the HTTP status to answer. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 503,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type ErrorBody = { error: string };

/** Maps any error to a JSON response; unexpected ones become a logged, generic 500. */
export function errorToResponse(error: unknown): Response {
  if (error instanceof AppError) return Response.json({ error: error.message } satisfies ErrorBody, { status: error.status, headers: error.headers });
  if (error instanceof ZodError) return json({ error: formatZodError(error) }, 422);
  if (error instanceof FieldError) return json({ error: `${error.path}: ${error.message}` }, 422);
  if (isPrismaNotFound(error)) return json({ error: "not found" }, 404);
  if (isDatabaseBusy(error)) {
    console.error(error);
    return Response.json({ error: "the database is busy: try again in a moment" } satisfies ErrorBody, { status: 503, headers: { "retry-after": "1" } });
  }
  console.error(error);
  return json({ error: "internal error" }, 500);
}

/** "outputs.0.text: Invalid input: expected string, received number" (first issue only). */
export function formatZodError(error: ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.length > 0 ? issue.path.join(".") : "body";
  return `${path}: ${issue.message}`;
}

/**
 * Wraps a route handler so every thrown error goes through errorToResponse, and refuses (403) a
 * state-changing request that a browser sent from another site (CSRF).
 */
export function withRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      if (args[0] instanceof Request) assertSameOrigin(args[0]);
      return await handler(...args);
    } catch (error) {
      return errorToResponse(error);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Browsers name the page that sent a request in Origin (and Sec-Fetch-Site); a POST, PUT, PATCH or
 * DELETE must come from this site's own pages: the Origin's scheme, host and port must be the
 * public origin's (NETRIAGE_PUBLIC_URL, or the Host the request came to). Clients that send
 * neither header (curl, scripts) carry no ambient cookie of a victim, so they pass.
 */
export function assertSameOrigin(request: Request, settings?: OriginSettings): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError(403, `cross-site ${request.method} refused (Sec-Fetch-Site: ${site})`);
  const origin = request.headers.get("origin");
  if (!origin) return;
  let sender: string | undefined;
  try {
    sender = new URL(origin).origin;
  } catch {
    // not a URL ("null" from a sandboxed frame or a file:// page): refused below
  }
  if (sender !== publicOrigin(request, settings)) throw new AppError(403, `cross-site ${request.method} refused (Origin: ${origin.slice(0, 80)})`);
}

/** application/json and application/<anything>+json, with or without parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a JSON body. Refuses another declared Content-Type (415: a page on another site can send
 * text/plain without asking, never application/json), more than maxBytes (413), malformed JSON
 * (400), and a body no route may store (422, see findUnstorable).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!JSON_MEDIA_TYPE.test(type))
    throw new AppError(415, `send the body as JSON with Content-Type: application/json${type ? ` (got ${type.slice(0, 60)})` : ""}`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  const limit = formatBytes(maxBytes);
  if (declared > maxBytes) throw new AppError(413, `request body is larger than the ${limit} limit`);
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError(413, `request body is larger than the ${limit} limit`);
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(concat(chunks, size));
  if (text.trim() === "") throw new AppError(400, "request body is empty: expected a JSON object");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new AppError(400, `malformed JSON: ${(error as Error).message}`);
  }
  const problem = findUnstorable(body);
  if (problem) throw new AppError(422, problem);
  return body;
}

/**
 * The first thing in a parsed JSON body that no route can take, as "path: message": a "__proto__"
 * name (a parsed object would silently lose it), and text with a lone UTF-16 surrogate (the
 * database client cannot send it) or a NUL character (PostgreSQL text cannot hold it). Iterative,
 * so any nesting depth is fine.
 */
export function findUnstorable(body: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value: body, path: "" }];
  const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const textProblem = (text: string) =>
    !text.isWellFormed() ? "not valid Unicode text (a lone surrogate such as \\ud800)" : text.includes("\0") ? "contains a NUL character (\\u0000)" : undefined;
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return `${path || "body"}: ${problem}`;
    } else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (key === "__proto__") return `${at(path, key)}: "__proto__" cannot be used as a name`;
        const problem = textProblem(key);
        if (problem) return `${path || "body"}: a name is ${problem}`;
        if (typeof child === "object" || typeof child === "string") pending.push({ value: child, path: at(path, key) });
      }
    }
  }
  return undefined;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function json(body: ErrorBody, status: number): Response {
  return Response.json(body, { status });
}

function isPrismaNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/** Another process kept the embedded database locked too long (lib/db-sqlite.ts), or a transaction could not start or finish in time (P2028). */
function isDatabaseBusy(error: unknown): boolean {
  return (
    (error instanceof Error && error.name === "DatabaseBusyError") ||
    (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028")
  );
}

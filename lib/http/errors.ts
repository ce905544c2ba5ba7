import { ZodError } from "zod";

import { FieldError } from "../field-error";

/** A failure the client caused, with the HTTP status to answer. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
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
 * DELETE must come from this site's own pages. Clients that send neither (curl, scripts) carry no
 * ambient cookie of a victim, so they pass.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError(403, `cross-site ${request.method} refused (Sec-Fetch-Site: ${site})`);
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError(403, `cross-site ${request.method} refused (Origin: ${origin.slice(0, 80)})`);
  }
  if (originHost !== host) throw new AppError(403, `cross-site ${request.method} refused (Origin: ${origin.slice(0, 80)})`);
}

/** Reads a JSON body, refusing more than maxBytes (413) and malformed JSON (400). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
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
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError(400, `malformed JSON: ${(error as Error).message}`);
  }
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
  return (error instanceof Error && error.name === "DatabaseBusyError") || (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028");
}

// Answers a few hot API routes straight from node:http, skipping the framework's routing and
// rendering machinery (about two thirds of a diagnosis request's time under load). The handlers are
// the same Request → Response functions the framework's routes export, so both paths answer alike.
import type { IncomingMessage, ServerResponse } from "node:http";

import { AppError, errorToResponse } from "../lib/http/errors";
import { libraryRoutes, type RunDiagnosis } from "../lib/http/library-routes";
import { saveSessionRoute } from "../lib/http/session-routes";
import { endAfterRequestBody } from "./request-guard";

export type RouteHandler = (request: Request) => Promise<Response>;
/** Answers `request` and returns true, or returns false (without touching it) for another to answer. */
export type FastLane = (request: IncomingMessage, response: ServerResponse) => boolean;

/** A header rule as the framework's build records it (routes-manifest.json). */
export type HeaderRule = { regex: string; headers: { key: string; value: string }[]; has?: unknown; missing?: unknown };

/** The headers that `rules` (first to last, later ones winning) give a response, as a function of its path. */
export type SiteHeaders = (pathname: string) => Record<string, string>;

export function headerRules(rules: HeaderRule[]): SiteHeaders {
  const compiled = rules.map((rule) => {
    if (rule.has !== undefined || rule.missing !== undefined) throw new Error(`header rule ${rule.regex}: "has" and "missing" conditions are not supported`);
    return { matches: new RegExp(rule.regex), headers: rule.headers };
  });
  return (pathname) => {
    const headers: Record<string, string> = {};
    for (const rule of compiled) {
      if (!rule.matches.test(pathname)) continue;
      for (const { key, value } of rule.headers) headers[key.toLowerCase()] = value;
    }
    return headers;
  };
}

/** A route key's path as a matcher: a `:name` segment matches one segment of the request's path. */
function pathMatcher(path: string): (pathname: string) => boolean {
  if (!path.includes("/:")) return (pathname) => pathname === path;
  const pattern = new RegExp(`^${path.replace(/\/:[^/]+/g, "/[^/]+")}$`);
  return (pathname) => pattern.test(pathname);
}

/**
 * Serves `routes` ("METHOD /path", where a `:name` segment matches any one segment; the query string
 * is the handler's) with the headers the site's rules give the request's path (`headersOf`, from
 * headerRules) and the `vary` the framework adds to every answer (the build records both), as the
 * framework would. Anything else is left alone.
 */
export function createFastLane(routes: Record<string, RouteHandler>, headersOf: SiteHeaders, vary?: string): FastLane {
  const withVary = (headers: Record<string, string>) => (vary ? { ...headers, vary } : headers);
  const exact = new Map<string, { handler: RouteHandler; headers: Record<string, string> }>();
  const patterns: { method: string; matches: (pathname: string) => boolean; handler: RouteHandler }[] = [];
  for (const [route, handler] of Object.entries(routes)) {
    const [method, path] = route.split(" ");
    if (path.includes("/:")) patterns.push({ method, matches: pathMatcher(path), handler });
    else exact.set(route, { handler, headers: withVary(headersOf(path)) });
  }
  const find = (method: string, pathname: string) => {
    const lane = exact.get(`${method} ${pathname}`);
    if (lane) return lane;
    const route = patterns.find((candidate) => candidate.method === method && candidate.matches(pathname));
    return route && { handler: route.handler, headers: withVary(headersOf(pathname)) };
  };
  return (request, response) => {
    const url = request.url ?? "/";
    const query = url.indexOf("?");
    const lane = find(request.method ?? "GET", query === -1 ? url : url.slice(0, query));
    if (!lane) return false;
    answer(lane.handler, lane.headers, request, response).catch((error: unknown) => {
      console.error(`failed to answer ${request.method} ${url}`, error);
      if (!response.headersSent) response.writeHead(500, { ...lane.headers, "content-type": "application/json" });
      response.end(JSON.stringify({ error: "internal error" }));
    });
    return true;
  };
}

/**
 * The lane serves the library's diagnosis and search routes and the session save, the hottest write;
 * `runDiagnosis` keeps diagnoses off this thread.
 */
export function createApiLane(headersOf: SiteHeaders, runDiagnosis: RunDiagnosis, vary?: string): FastLane {
  return createFastLane({ ...libraryRoutes(runDiagnosis), "PUT /api/sessions/:id": saveSessionRoute }, headersOf, vary);
}

async function answer(handler: RouteHandler, headers: Record<string, string>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const webRequest = toWebRequest(request);
  const result = webRequest ? await handler(webRequest) : errorToResponse(new AppError(400, `malformed Host header: ${request.headers.host?.slice(0, 80)}`));
  const body = Buffer.from(await result.arrayBuffer());
  const outgoing: Record<string, string | string[]> = { ...headers };
  result.headers.forEach((value, name) => {
    if (name !== "set-cookie") outgoing[name] = value;
  });
  const cookies = result.headers.getSetCookie();
  if (cookies.length > 0) outgoing["set-cookie"] = cookies;
  outgoing["content-length"] = String(body.byteLength);
  response.writeHead(result.status, outgoing);
  // A handler that refused the body before its end (413) leaves the rest unread.
  endAfterRequestBody(request, response, body);
}

function toWebRequest(request: IncomingMessage): Request | undefined {
  const url = URL.parse(`http://${request.headers.host ?? "localhost"}${request.url}`);
  if (!url) return undefined;
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(url, {
    method: request.method,
    headers,
    body: hasBody ? bodyStream(request) : undefined,
    // Node's fetch needs this for a streamed body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

/**
 * The request body as a web stream. Unlike Readable.toWeb, cancelling it (a handler refusing a body
 * over its limit) does not destroy the socket: the answer is sent, then the rest of the body is read
 * and dropped (endAfterRequestBody).
 */
function bodyStream(request: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      request.on("data", (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) request.pause();
      });
      request.once("end", () => open && controller.close());
      request.once("error", (error) => open && controller.error(error));
      request.pause();
    },
    pull() {
      request.resume();
    },
    cancel() {
      open = false;
      request.pause();
    },
  });
}

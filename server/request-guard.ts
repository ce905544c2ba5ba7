// Refuses, before any route or Next sees them, requests no route can answer: TRACE, a path whose
// percent-escapes do not decode (Next answers those with a 500), and a body declared larger than any
// route accepts. Refused bodies are read off the wire (up to a bound) so that a client that sends its
// whole body before reading (Python's urllib, curl without Expect) receives the answer, not a reset.
import type { IncomingMessage, ServerResponse } from "node:http";

import type { ErrorBody } from "../lib/http/errors";
import { MAX_DIAGNOSE_BYTES } from "../lib/triage/diagnose-schema";

/** The largest body any route accepts (diagnosis and session saves); larger ones get 413 here. */
export const MAX_REQUEST_BYTES = MAX_DIAGNOSE_BYTES;
/** How much of a refused body is read and dropped, and for how long, before the connection is cut. */
export const DISCARD_LIMITS = { bytes: 64 * 1024 * 1024, ms: 30_000 };

const REFUSED_METHODS = new Set(["TRACE", "TRACK"]);
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/**
 * Answers `request` with a JSON error and returns true when it is one of the above; otherwise
 * returns false without touching it. `headers` are the site's headers for the request's path.
 */
export function refuseUnanswerable(request: IncomingMessage, response: ServerResponse, headers: (pathname: string) => Record<string, string>): boolean {
  const url = request.url ?? "/";
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  if (REFUSED_METHODS.has(request.method ?? "")) {
    answer(request, response, 405, `${request.method} is not allowed`, { ...headers(pathname), allow: ALLOWED_METHODS });
    return true;
  }
  if (!decodes(pathname)) {
    answer(request, response, 400, "malformed percent-encoding in the path", headers(pathname));
    return true;
  }
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_REQUEST_BYTES) {
    answer(request, response, 413, `request body is larger than the ${MAX_REQUEST_BYTES / (1024 * 1024)} MB limit`, headers(pathname));
    return true;
  }
  return false;
}

function decodes(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function answer(request: IncomingMessage, response: ServerResponse, status: number, error: string, headers: Record<string, string>): void {
  const body = Buffer.from(JSON.stringify({ error } satisfies ErrorBody));
  response.writeHead(status, { ...headers, "content-type": "application/json", "content-length": String(body.byteLength) });
  endAfterRequestBody(request, response, body);
}

/**
 * Sends `body` (the whole answer; its length is in the headers) now, and ends the response once the
 * request's body has been read and dropped. Node cuts the connection when a response ends while the
 * request is still arriving, and a client that writes its whole body before reading then sees a reset
 * instead of the answer. Past `limits` (bytes or time) the connection is cut all the same.
 */
export function endAfterRequestBody(request: IncomingMessage, response: ServerResponse, body: Buffer, limits = DISCARD_LIMITS): void {
  if (request.complete) {
    response.end(body);
    return;
  }
  response.write(body);
  discardRest(request, limits, () => request.socket.destroy());
  request.once("end", () => response.end());
}

/**
 * Reads the rest of `request`'s body and drops it; past `limits` (bytes or time) calls `cut`. The body's
 * reader's own listeners go first: a "readable" listener would keep the stream from flowing.
 */
function discardRest(request: IncomingMessage, limits: typeof DISCARD_LIMITS, cut: () => void): void {
  let bytes = 0;
  const timer = setTimeout(cut, limits.ms);
  timer.unref();
  request.removeAllListeners("data");
  request.removeAllListeners("readable");
  request.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > limits.bytes) cut();
  });
  request.once("close", () => clearTimeout(timer));
  request.resume();
}

/**
 * For a route behind Next that answers before it has read the whole body (a 413 from a body reader
 * past its limit, which also cancels the request stream): the rest of the body is read and dropped
 * instead of the connection being destroyed, and the response ends only once it is read, as
 * endAfterRequestBody does. A client that writes its whole body before reading then receives the
 * answer instead of a reset. Past `limits` (bytes or time) the connection is cut all the same.
 */
export function endAfterRefusedBody(request: IncomingMessage, response: ServerResponse, limits = DISCARD_LIMITS): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const destroy = request.destroy.bind(request);
  // Next may have let go of the request's socket by the time it cancels the body; the parser still feeds it.
  const socket = request.socket;
  let draining = false;
  const drain = () => {
    if (draining) return;
    draining = true;
    discardRest(request, limits, () => destroy());
  };
  request.destroy = (error?: Error) => {
    if (request.complete || socket.destroyed) return destroy(error);
    drain();
    return request;
  };
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.end = ((...args: unknown[]) => {
    if (request.complete || socket.destroyed) return end(...args);
    const [chunk, encoding] = args;
    const done = args.find((arg): arg is () => void => typeof arg === "function");
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function")
      response.write(chunk as Buffer | string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    drain();
    request.once("end", () => end(done));
    return response;
  }) as ServerResponse["end"];
}

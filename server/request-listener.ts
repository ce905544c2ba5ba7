// The path of every request through a serving process, first to last.
import type { IncomingMessage, ServerResponse } from "node:http";

import { stampPeerAddress } from "../lib/http/peer-address";
import type { FastLane } from "./fast-lane";
import type { PageCache } from "./page-cache";
import { endAfterRefusedBody, refuseUnanswerable } from "./request-guard";

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The order every request meets: its peer address stamped, the guard, the fast lane, the page cache (memory, then disk), then Next. */
export function createRequestListener({
  siteHeaders,
  lane,
  pages,
  librarySync,
  next,
}: {
  siteHeaders: (pathname: string) => Record<string, string>;
  lane?: FastLane;
  pages?: PageCache;
  /** The library sync to wait for before the page cache answers, when one is due (see trackLibraryVersion). */
  librarySync?: () => Promise<void> | undefined;
  next: RequestHandler;
}) {
  const toNext = (request: IncomingMessage, response: ServerResponse): void => {
    pages?.capture(request, response);
    endAfterRefusedBody(request, response);
    next(request, response).catch((error: unknown) => {
      console.error(`failed to handle ${request.method} ${request.url}`, error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "internal error" }));
    });
  };
  const fromCache = (request: IncomingMessage, response: ServerResponse) => pages?.serve(request, response) || pages?.serveStored(request, response);
  const answer = (request: IncomingMessage, response: ServerResponse): void => {
    if (fromCache(request, response)) return;
    // The same page being rendered for another request: wait for it once, rather than render it twice.
    const rendering = pages?.rendering(request);
    if (rendering) void rendering.then(() => fromCache(request, response) || toNext(request, response));
    else toNext(request, response);
  };
  return (request: IncomingMessage, response: ServerResponse): void => {
    stampPeerAddress(request);
    if (refuseUnanswerable(request, response, siteHeaders)) return;
    if (lane?.(request, response)) return;
    // Only a GET or HEAD can be answered from the page cache; nothing else waits for a library sync.
    const due = pages && (request.method === "GET" || request.method === "HEAD") ? librarySync?.() : undefined;
    if (due)
      due.then(
        () => answer(request, response),
        () => answer(request, response),
      );
    else answer(request, response);
  };
}

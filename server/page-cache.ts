// Answers repeat requests for prerendered pages from memory, as a caching proxy in front would.
// Only responses Next itself marks as prerendered and never revalidated are kept, byte for byte with
// their headers, and only requests those responses do not vary on are answered from it; everything
// else goes to Next. A build never changes under a running server, so nothing needs invalidating.
// Library pages rendered per request (case lists, cause pages, cases published in the app) carry the
// library version they show (a meta tag): they are kept too, and answered only while the library is
// still at that version; a page of a case published in the app, until that case or one it lists changes.
// Those pages are as many as the cases, so they are also kept on disk (page-store.ts), where every
// worker of the build finds a page any of them rendered.
// The headers it relies on are Next's: test/server/next-prerender-contract.e2e.ts fails when an
// upgrade changes them. NETRIAGE_PAGE_CACHE=false turns the cache off.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

import { LIBRARY_VERSION_META } from "../lib/library/version-meta";
import type { PageStore } from "./page-store";

/** Next's mark on a page it prerendered (the header's presence). */
export const PRERENDER_HEADER = "x-nextjs-prerender";
/** Next's cache-control for a page it prerendered once and never revalidates. */
export const NEVER_REVALIDATED = "s-maxage=31536000";
/** Headers that belong to one response on one connection, not to the page. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

export type CachedPage = { headers: Record<string, string | string[]>; body: Buffer; vary: string[]; etag?: string; libraryVersion?: number };

/**
 * Pages rendered from the live library, in both languages: the home page, the case list, case pages and
 * cause pages. `/` itself is left out: its answer depends on the reader's language choice (proxy.ts).
 */
const LIBRARY_PAGE = /^(?!\/$)(?:\/zh)?(?:\/(?:cases|causes)(?:\/[a-z0-9-]{1,100})?)?$/;
/** A case page; which of them belong to cases published in the app, the library knows. */
const CASE_PAGE = /^(?:\/zh)?\/cases\/([a-z0-9-]{1,100})$/;
/**
 * How many keys read from disk once are remembered: a page read again among the last this many reads
 * (about as many pages as memory holds) is copied into memory. Copying every page read from disk, or
 * every page read twice among 4,096, churned memory when readers ask for many more pages than it holds.
 */
const READ_LATELY_KEYS = 1024;
const VERSION_TAG = new RegExp(`<meta name="${LIBRARY_VERSION_META}" content="(-?\\d{1,12})"`);

/** What the process knows of the library (lib/library/live-library.ts, trackLibraryVersion). */
export type LibraryVersions = {
  /** The library version the process has applied. */
  current(): number;
  /** The version at which the page of this in-app case last changed; undefined for other ids. */
  casePageChangedAt(id: string): number | undefined;
};

export type PageCache = {
  serve(request: IncomingMessage, response: ServerResponse): boolean;
  /** Answers `request` from the disk store if it holds a fresh page for it; returns whether it did. */
  serveStored(request: IncomingMessage, response: ServerResponse): boolean;
  capture(request: IncomingMessage, response: ServerResponse): void;
  /**
   * While Next renders a library page for another request, when it is done (the page then kept, if it can be):
   * the same page asked for meanwhile waits for it instead of being rendered again.
   */
  rendering(request: IncomingMessage): Promise<void> | undefined;
  readonly size: number;
};

export function createPageCache({
  maxBytes = 64 * 1024 * 1024,
  maxPageBytes = 2 * 1024 * 1024,
  library,
  store,
}: {
  maxBytes?: number;
  maxPageBytes?: number;
  /** Library pages are kept only with it. */
  library?: LibraryVersions;
  /** Where pages of in-app cases are kept beyond memory. */
  store?: PageStore;
} = {}): PageCache {
  /** Insertion order is recency order. */
  const pages = new Map<string, CachedPage>();
  let bytes = 0;

  function keyOf(request: IncomingMessage): string | undefined {
    if (request.method !== "GET" && request.method !== "HEAD") return undefined;
    if (!request.url?.startsWith("/") || request.url.includes("?")) return undefined;
    return request.url;
  }

  function remember(key: string, page: CachedPage): void {
    const previous = pages.get(key);
    if (previous) bytes -= previous.body.length;
    pages.delete(key);
    pages.set(key, page);
    bytes += page.body.length;
    for (const [oldest, evicted] of pages) {
      if (bytes <= maxBytes) break;
      pages.delete(oldest);
      bytes -= evicted.body.length;
    }
  }

  /** If `key` is the page of an in-app case, the library version at which that page last changed. */
  function inAppPageChangedAt(key: string): number | undefined {
    const id = CASE_PAGE.exec(key)?.[1];
    return id === undefined ? undefined : library?.casePageChangedAt(id);
  }

  function fits(request: IncomingMessage, key: string, page: CachedPage): boolean {
    if (page.vary.some((name) => request.headers[name] !== undefined)) return false;
    if (page.libraryVersion === undefined) return true;
    const changedAt = inAppPageChangedAt(key);
    return changedAt === undefined ? page.libraryVersion === library?.current() : page.libraryVersion >= changedAt;
  }

  function send(request: IncomingMessage, response: ServerResponse, page: CachedPage): void {
    if (page.etag && request.headers["if-none-match"] === page.etag) {
      response.writeHead(304, { etag: page.etag, "cache-control": String(page.headers["cache-control"] ?? "") });
      response.end();
      return;
    }
    response.writeHead(200, page.headers);
    response.end(request.method === "HEAD" ? undefined : page.body);
  }

  /** Answers `request` from memory if a kept page fits it; returns whether it did. */
  function serve(request: IncomingMessage, response: ServerResponse): boolean {
    const key = keyOf(request);
    const page = key && pages.get(key);
    if (!page || !fits(request, key, page)) return false;
    pages.delete(key);
    pages.set(key, page);
    send(request, response, page);
    return true;
  }

  /** Keys read from disk lately, oldest first: a page is copied into memory on its second read, not its first. */
  const readLately = new Set<string>();

  function serveStored(request: IncomingMessage, response: ServerResponse): boolean {
    const key = keyOf(request);
    if (!store || !key || inAppPageChangedAt(key) === undefined) return false;
    const stored = store.read(key);
    if (!stored) return false;
    const { page, release } = stored;
    if (!fits(request, key, page)) {
      release();
      return false;
    }
    if (readLately.delete(key)) remember(key, { ...page, body: copyOf(page.body) });
    else {
      readLately.add(key);
      if (readLately.size > READ_LATELY_KEYS) readLately.delete(readLately.values().next().value!);
    }
    // The body is the store's until the response has handed it to the socket; an aborted response keeps it.
    response.once("finish", release);
    send(request, response, page);
    return true;
  }

  /** Watches Next answer `request`, and keeps the answer if it is a prerendered page. */
  /** Library pages Next is rendering, by key: plain GETs only (not a navigation's RSC request, a variant of the page). */
  const inFlight = new Map<string, Promise<void>>();
  const renderedLibraryPage = (request: IncomingMessage, key: string | undefined): key is string =>
    key !== undefined && request.method === "GET" && request.headers.rsc === undefined && library !== undefined && LIBRARY_PAGE.test(key);

  function rendering(request: IncomingMessage): Promise<void> | undefined {
    const key = keyOf(request);
    return renderedLibraryPage(request, key) ? inFlight.get(key) : undefined;
  }

  function capture(request: IncomingMessage, response: ServerResponse): void {
    const key = keyOf(request);
    if (!key || request.method !== "GET") return;
    if (renderedLibraryPage(request, key) && !inFlight.has(key)) {
      // "close" follows "finish", where the page is kept; it also ends an aborted response.
      inFlight.set(key, new Promise((resolve) => response.once("close", () => resolve(void inFlight.delete(key)))));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    /** Decided at the first byte, when the headers are set: only a prerendered page or a library page is worth copying. */
    let prerendered: boolean | undefined;
    let libraryPage: boolean | undefined;
    const keep = (chunk: unknown, encoding: unknown) => {
      prerendered ??= response.getHeader(PRERENDER_HEADER) !== undefined;
      libraryPage ??= !prerendered && library !== undefined && LIBRARY_PAGE.test(key);
      if (!(prerendered || libraryPage) || chunk === undefined || chunk === null || typeof chunk === "function" || size > maxPageBytes) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      chunks.push(buffer);
      size += buffer.length;
    };
    const write = response.write as (...args: unknown[]) => boolean;
    const end = response.end as (...args: unknown[]) => ServerResponse;
    response.write = function (this: ServerResponse, ...args: unknown[]) {
      keep(args[0], args[1]);
      return write.apply(this, args);
    } as ServerResponse["write"];
    response.end = function (this: ServerResponse, ...args: unknown[]) {
      keep(args[0], args[1]);
      return end.apply(this, args);
    } as ServerResponse["end"];
    response.once("finish", () => {
      const headers: OutgoingHttpHeaders = response.getHeaders();
      const vary = String(headers.vary ?? "")
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      const body = Buffer.concat(chunks, size);
      const version = libraryPage && response.statusCode === 200 ? VERSION_TAG.exec(body.toString("latin1")) : null;
      const cacheable =
        (prerendered ? headers["cache-control"] === NEVER_REVALIDATED : version !== null) &&
        response.statusCode === 200 &&
        headers["set-cookie"] === undefined &&
        !vary.includes("*") &&
        size <= maxPageBytes &&
        Number(headers["content-length"] ?? size) === size &&
        vary.every((name) => request.headers[name] === undefined);
      if (!cacheable) return;
      const kept: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined && !PER_RESPONSE.has(name)) kept[name] = Array.isArray(value) ? value.map(String) : String(value);
      }
      kept["content-length"] = String(size);
      const page: CachedPage = {
        headers: kept,
        body,
        vary,
        etag: typeof headers.etag === "string" ? headers.etag : undefined,
        libraryVersion: version ? Number(version[1]) : undefined,
      };
      remember(key, page);
      if (store && page.libraryVersion !== undefined && inAppPageChangedAt(key) !== undefined) store.write(key, page);
    });
  }

  return {
    serve,
    serveStored,
    capture,
    rendering,
    get size() {
      return pages.size;
    },
  };
}

/** A copy of `bytes` in memory of its own, not zero-filled first. */
function copyOf(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

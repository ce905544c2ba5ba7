// Answers repeat requests for prerendered pages from memory, as a caching proxy in front would.
// Only responses Next itself marks as prerendered and never revalidated are kept, byte for byte with
// their headers, and only requests those responses do not vary on are answered from it; everything
// else goes to Next. A build never changes under a running server, so nothing needs invalidating.

/** Next's mark on a page it prerendered once and never revalidates. */
const NEVER_REVALIDATED = "s-maxage=31536000";
/** Headers that belong to one response on one connection, not to the page. */
const PER_RESPONSE = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

/** @typedef {{ headers: Record<string, string | string[]>, body: Buffer, vary: string[], etag?: string }} CachedPage */

/**
 * @param {{ maxBytes?: number, maxPageBytes?: number }} [options]
 */
export function createPageCache({ maxBytes = 64 * 1024 * 1024, maxPageBytes = 2 * 1024 * 1024 } = {}) {
  /** @type {Map<string, CachedPage>} insertion order is recency order */
  const pages = new Map();
  let bytes = 0;

  /** @param {import("node:http").IncomingMessage} request */
  function keyOf(request) {
    if (request.method !== "GET" && request.method !== "HEAD") return undefined;
    if (!request.url?.startsWith("/") || request.url.includes("?")) return undefined;
    return request.url;
  }

  function store(key, page) {
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

  /**
   * Answers `request` from memory if a kept page fits it; returns whether it did.
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   */
  function serve(request, response) {
    const key = keyOf(request);
    const page = key && pages.get(key);
    if (!page || page.vary.some((name) => request.headers[name] !== undefined)) return false;
    pages.delete(key);
    pages.set(key, page);
    if (page.etag && request.headers["if-none-match"] === page.etag) {
      response.writeHead(304, { etag: page.etag, "cache-control": page.headers["cache-control"] ?? "" });
      response.end();
      return true;
    }
    response.writeHead(200, page.headers);
    response.end(request.method === "HEAD" ? undefined : page.body);
    return true;
  }

  /**
   * Watches Next answer `request`, and keeps the answer if it is a prerendered page.
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   */
  function capture(request, response) {
    const key = keyOf(request);
    if (!key || request.method !== "GET") return;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    /** Decided at the first byte, when the headers are set: only a prerendered page is worth copying. */
    let prerendered;
    const keep = (chunk, encoding) => {
      prerendered ??= response.getHeader("x-nextjs-prerender") !== undefined;
      if (!prerendered || chunk === undefined || chunk === null || typeof chunk === "function" || size > maxPageBytes) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
      chunks.push(buffer);
      size += buffer.length;
    };
    const write = response.write;
    const end = response.end;
    response.write = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    response.end = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return end.call(this, chunk, encoding, callback);
    };
    response.once("finish", () => {
      const headers = response.getHeaders();
      const vary = String(headers.vary ?? "")
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      const cacheable =
        prerendered &&
        response.statusCode === 200 &&
        headers["cache-control"] === NEVER_REVALIDATED &&
        headers["set-cookie"] === undefined &&
        !vary.includes("*") &&
        size <= maxPageBytes &&
        Number(headers["content-length"] ?? size) === size &&
        vary.every((name) => request.headers[name] === undefined);
      if (!cacheable) return;
      /** @type {Record<string, string | string[]>} */
      const kept = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined && !PER_RESPONSE.has(name)) kept[name] = Array.isArray(value) ? value : String(value);
      }
      kept["content-length"] = String(size);
      store(key, { headers: kept, body: Buffer.concat(chunks, size), vary, etag: typeof headers.etag === "string" ? headers.etag : undefined });
    });
  }

  return { serve, capture, get size() { return pages.size; } };
}

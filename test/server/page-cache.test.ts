// The serving worker's page cache, in front of a stand-in for Next that answers as Next does.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

import { createPageCache } from "@/server/page-cache";
import { createPageStore } from "@/server/page-store";
import { createRequestListener } from "@/server/request-listener";

// These tests talk to a server of their own on 127.0.0.1: undo the setup's network ban.
vi.unstubAllGlobals();

const PRERENDERED = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'self'",
  vary: "rsc, next-router-state-tree, next-router-prefetch",
  "x-nextjs-cache": "HIT",
  "x-nextjs-prerender": "1",
  "cache-control": "s-maxage=31536000",
  etag: '"abc123"',
};

/** Headers that frame the bytes on the wire, which a streamed answer and a kept one differ in. */
function withoutFraming(headers: Record<string, string>) {
  const { "transfer-encoding": _, "content-length": __, ...rest } = headers;
  return rest;
}

type Answer = { status?: number; headers?: Record<string, string>; body?: string; streamed?: boolean };

let servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** Serves `answer(path)` through the cache on the serving process's request path; counts what reached "Next", which takes `renderMs` to answer. */
async function serveThroughCache(answer: (path: string) => Answer, options?: Parameters<typeof createPageCache>[0], renderMs = 0) {
  const cache = createPageCache(options);
  const reachedNext: string[] = [];
  const toNext = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    reachedNext.push(`${request.method} ${request.url}`);
    if (renderMs > 0) await new Promise((resolve) => setTimeout(resolve, renderMs));
    const { status = 200, headers = PRERENDERED, body = `<html>${request.url} ü</html>`, streamed = false } = answer(request.url ?? "");
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.statusCode = status;
    if (!streamed) return void response.end(body);
    const bytes = Buffer.from(body);
    response.write(bytes.subarray(0, 5));
    response.write(bytes.subarray(5).toString("latin1"), "latin1");
    response.end();
  };
  const server = http.createServer(createRequestListener({ siteHeaders: () => ({}), pages: cache, next: toNext }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init);
    const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== "date"));
    return { status: response.status, headers, body: await response.text() };
  };
  return { get, reachedNext, cache };
}

describe("page cache", () => {
  it("answers a repeat request for a prerendered page from memory, byte for byte with its headers", async () => {
    for (const streamed of [false, true]) {
      const { get, reachedNext } = await serveThroughCache(() => ({ streamed }));
      const first = await get("/cases/a");
      const second = await get("/cases/a");
      expect({ ...second, headers: withoutFraming(second.headers) }).toEqual({ ...first, headers: withoutFraming(first.headers) });
      expect(second.body).toBe("<html>/cases/a ü</html>");
      expect(second.headers["content-length"]).toBe(String(Buffer.byteLength(second.body)));
      expect(second.headers["content-security-policy"]).toBe("default-src 'self'");
      expect(reachedNext).toEqual(["GET /cases/a"]);
    }
  });

  it("sends requests the page varies on, with a query, or not GET/HEAD, to Next", async () => {
    const { get, reachedNext } = await serveThroughCache(() => ({}));
    await get("/cases/a");
    await get("/cases/a", { headers: { rsc: "1" } });
    await get("/cases/a", { headers: { "next-router-prefetch": "1" } });
    await get("/cases/a?_rsc=x1");
    await get("/cases/a", { method: "POST", body: "{}" });
    expect(reachedNext).toEqual(["GET /cases/a", "GET /cases/a", "GET /cases/a", "GET /cases/a?_rsc=x1", "POST /cases/a"]);
  });

  it("keeps only what Next marks as prerendered and never revalidated, with no cookie, and a 200", async () => {
    const { get, reachedNext } = await serveThroughCache((path) => {
      const { "x-nextjs-prerender": _, ...dynamic } = PRERENDERED;
      if (path === "/dynamic") return { headers: dynamic };
      if (path === "/revalidated") return { headers: { ...PRERENDERED, "cache-control": "s-maxage=60, stale-while-revalidate=31535940" } };
      if (path === "/private") return { headers: { ...PRERENDERED, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" } };
      if (path === "/cookie") return { headers: { ...PRERENDERED, "set-cookie": "a=b" } };
      if (path === "/missing") return { status: 404 };
      return {};
    });
    const paths = ["/dynamic", "/revalidated", "/private", "/cookie", "/missing"];
    for (const path of [...paths, ...paths]) await get(path);
    expect(reachedNext).toEqual([...paths, ...paths].map((path) => `GET ${path}`));
  });

  it("answers a matching If-None-Match with 304 and HEAD with headers only", async () => {
    const { get, reachedNext } = await serveThroughCache(() => ({}));
    const page = await get("/causes/x");
    const notModified = await get("/causes/x", { headers: { "if-none-match": '"abc123"' } });
    expect(notModified).toMatchObject({ status: 304, body: "" });
    expect(notModified.headers.etag).toBe('"abc123"');
    expect((await get("/causes/x", { headers: { "if-none-match": '"other"' } })).body).toBe(page.body);
    const head = await get("/causes/x", { method: "HEAD" });
    expect(head).toMatchObject({ status: 200, body: "" });
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(page.body)));
    expect(reachedNext).toEqual(["GET /causes/x"]);
  });

  it("forgets the least recently used pages beyond its size limit", async () => {
    const body = "x".repeat(1000);
    const { get, reachedNext, cache } = await serveThroughCache(() => ({ body }), { maxBytes: 2500 });
    for (const path of ["/a", "/b", "/a", "/c", "/a", "/b"]) await get(path);
    // /a was used last before /c came in, so /b went; /b comes back, pushing out /c.
    expect(reachedNext).toEqual(["GET /a", "GET /b", "GET /c", "GET /b"]);
    expect(cache.size).toBe(2);
  });

  it("keeps a library page rendered per request only while the library is at the version the page shows", async () => {
    let version = 3;
    const { "x-nextjs-prerender": _, ...dynamic } = { ...PRERENDERED, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" };
    const { get, reachedNext } = await serveThroughCache(
      (path) => ({ headers: dynamic, body: `<html><meta name="netriage-library-version" content="${version}"/>${path}</html>` }),
      { library: { current: () => version, casePageChangedAt: () => undefined } },
    );
    await get("/causes/x");
    await get("/causes/x");
    await get("/triage");
    await get("/triage");
    expect(reachedNext).toEqual(["GET /causes/x", "GET /triage", "GET /triage"]);
    version = 4;
    expect((await get("/causes/x")).body).toContain('content="4"');
    expect((await get("/causes/x")).body).toContain('content="4"');
    expect(reachedNext).toEqual(["GET /causes/x", "GET /triage", "GET /triage", "GET /causes/x"]);
  });

  describe("pages of cases published in the app", () => {
    const { "x-nextjs-prerender": _, ...dynamic } = { ...PRERENDERED, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" };
    /** The library: version 5; case "in-app" last changed at 3, "other" at 5; the pages show the version they were rendered at. */
    const changedAt = new Map([
      ["in-app", 3],
      ["other", 5],
    ]);
    let version = 5;
    const library = { current: () => version, casePageChangedAt: (id: string) => changedAt.get(id) };
    const page = (path: string): Answer => ({ headers: dynamic, body: `<html><meta name="netriage-library-version" content="${version}"/>${path}</html>` });
    const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "netriage-page-store-"));

    it("keeps an in-app case's page across publishes of unrelated cases, until the case or one it lists changes", async () => {
      version = 5;
      const { get, reachedNext } = await serveThroughCache(page, { library });
      await get("/cases/in-app");
      await get("/zh/cases/in-app");
      await get("/causes/x");
      version = 6; // another case published
      await get("/cases/in-app");
      await get("/zh/cases/in-app");
      await get("/causes/x");
      expect(reachedNext).toEqual(["GET /cases/in-app", "GET /zh/cases/in-app", "GET /causes/x", "GET /causes/x"]);
      changedAt.set("in-app", 6); // the case itself, or one it lists, changed at 6: a page rendered at 5 is stale
      await get("/cases/in-app");
      await get("/cases/in-app");
      expect(reachedNext.slice(4)).toEqual(["GET /cases/in-app"]);
      changedAt.set("in-app", 3);
    });

    it("renders a page once for the requests that ask for it while it renders; a navigation's RSC request is rendered on its own", async () => {
      version = 5;
      const { get, reachedNext } = await serveThroughCache(page, { library }, 150);
      const answers = await Promise.all([...Array.from({ length: 4 }, () => get("/cases/in-app")), get("/cases/in-app", { headers: { rsc: "1" } })]);
      expect(reachedNext).toEqual(["GET /cases/in-app", "GET /cases/in-app"]);
      expect(new Set(answers.map(({ status, body }) => `${status} ${body}`)).size).toBe(1);
      // A page that cannot be kept (not a library page) is rendered for each request, each at once.
      await Promise.all([get("/triage"), get("/triage")]);
      expect(reachedNext.slice(2)).toEqual(["GET /triage", "GET /triage"]);
    });

    it("finds a page another worker rendered on disk, answers from memory after, and skips a stale or broken file", async () => {
      version = 5;
      const dir = scratch();
      const first = await serveThroughCache(page, { library, store: createPageStore(dir) });
      const rendered = await first.get("/cases/in-app");
      await first.get("/triage");
      // Written in the background: a partial file first, renamed when complete.
      await vi.waitFor(() => expect(fs.readdirSync(dir).filter((name) => !name.endsWith(".partial"))).toHaveLength(1));

      const second = await serveThroughCache(() => ({ body: "rendered again" }), { library, store: createPageStore(dir) });
      const fromDisk = await second.get("/cases/in-app");
      expect({ ...fromDisk, headers: withoutFraming(fromDisk.headers) }).toEqual({ ...rendered, headers: withoutFraming(rendered.headers) });
      await second.get("/cases/in-app");
      await second.get("/triage");
      await second.get("/cases/in-app", { headers: { rsc: "1" } });
      expect(second.reachedNext).toEqual(["GET /triage", "GET /cases/in-app"]);

      changedAt.set("in-app", 6);
      const third = await serveThroughCache(() => ({ body: "rendered again" }), { library, store: createPageStore(dir) });
      expect((await third.get("/cases/in-app")).body).toBe("rendered again");
      changedAt.set("in-app", 3);

      const [file] = fs.readdirSync(dir);
      fs.writeFileSync(path.join(dir, file), "{not json\n");
      const fourth = await serveThroughCache(() => ({ body: "rendered again" }), { library, store: createPageStore(dir) });
      expect((await fourth.get("/cases/in-app")).body).toBe("rendered again");
      expect(fourth.reachedNext).toEqual(["GET /cases/in-app"]);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});

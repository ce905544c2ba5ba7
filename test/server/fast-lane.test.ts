// The serving worker's fast lane: the library API answered from node:http as the Next routes answer it.
import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it, vi } from "vitest";

import { getSearchIndex } from "@/lib/search/content-index";
import { searchContent } from "@/lib/search/search";
import { diagnose } from "@/lib/triage/diagnose";
import { MAX_DIAGNOSE_BYTES } from "@/lib/triage/diagnose-schema";
import { getTriageKnowledge } from "@/lib/triage/knowledge";
import { createApiLane, createFastLane, headerRules, type HeaderRule, type RouteHandler } from "@/server/fast-lane";

// These tests talk to a server of their own on 127.0.0.1: undo the setup's network ban.
vi.unstubAllGlobals();

/** As next.config.js's headers() lands in routes-manifest.json. */
const RULES: HeaderRule[] = [
  {
    regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$",
    headers: [
      { key: "Content-Security-Policy", value: "default-src 'self'" },
      { key: "X-Content-Type-Options", value: "nosniff" },
    ],
  },
];

let servers: http.Server[] = [];
afterEach(async () => {
  const closed = servers.map((server) => new Promise((resolve) => server.close(resolve)));
  // fetch keeps connections alive for seconds; close() would wait for them.
  for (const server of servers) server.closeAllConnections();
  await Promise.all(closed);
  servers = [];
});

/** A server with the lane in front of a stand-in for Next that records what reached it. */
async function serve(lane = createApiLane(headerRules(RULES), async (input) => diagnose(input, getTriageKnowledge()))) {
  const reachedFramework: string[] = [];
  const server = http.createServer((request, response) => {
    if (lane(request, response)) return;
    reachedFramework.push(`${request.method} ${request.url}`);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    call(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { call, post, reachedFramework };
}

const TICKET = {
  description: "Pods see DNS lookups that take exactly 5 seconds, a few times a minute.",
  outputs: [{ command: "conntrack -S", text: "cpu=0 found=0 invalid=0 ignore=0 insert=0 insert_failed=12 drop=12 early_drop=0 error=0" }],
};

describe("fast lane", () => {
  it("answers a diagnosis as the engine gives it, with the configured headers and a length", async () => {
    const { post, reachedFramework } = await serve();
    const response = await post("/api/diagnose", JSON.stringify(TICKET));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual(JSON.parse(JSON.stringify(diagnose(TICKET, getTriageKnowledge()))));
    expect(response.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(response.text)));
    expect(reachedFramework).toEqual([]);
  });

  it("answers a search with its query string", async () => {
    const { call } = await serve();
    const response = await call(`/api/search?q=${encodeURIComponent("insert_failed 5 秒")}&limit=3`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual(JSON.parse(JSON.stringify(searchContent(getSearchIndex(), "insert_failed 5 秒", { limit: 3 }))));
  });

  it("leaves other methods and paths to the framework", async () => {
    const { call, reachedFramework } = await serve();
    await call("/api/diagnose");
    await call("/api/search/?q=mtu");
    await call("/api/search", { method: "HEAD" });
    await call("/api/diagnose/x", { method: "POST", body: "{}" });
    await call("/cases");
    expect(reachedFramework).toEqual(["GET /api/diagnose", "GET /api/search/?q=mtu", "HEAD /api/search", "POST /api/diagnose/x", "GET /cases"]);
  });

  it("refuses bad input with the routes' statuses and messages, headers included", async () => {
    const { post, call } = await serve();

    const tooLarge = await post("/api/diagnose", JSON.stringify({ description: "x".repeat(MAX_DIAGNOSE_BYTES) }));
    expect([tooLarge.status, JSON.parse(tooLarge.text).error]).toEqual([413, "request body is larger than the 6 MB limit"]);
    expect(tooLarge.headers.get("x-content-type-options")).toBe("nosniff");
    const malformed = await post("/api/diagnose", "{ticket");
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text).error).toMatch(/^malformed JSON/);
    const wrongField = await post("/api/diagnose", JSON.stringify({ description: 5 }));
    expect([wrongField.status, JSON.parse(wrongField.text).error]).toEqual([422, "description: Invalid input: expected string, received number"]);
    const crossSite = await post("/api/diagnose", JSON.stringify(TICKET), { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const noQuery = await call("/api/search");
    expect([noQuery.status, JSON.parse(noQuery.text).error]).toEqual([400, "q: is required"]);
  });

  it("passes the request's headers and URL to the handler and every cookie it sets back", async () => {
    const seen: { cookie: string | null; url: string; body: string }[] = [];
    const echo: RouteHandler = async (request) => {
      seen.push({ cookie: request.headers.get("cookie"), url: request.url, body: await request.text() });
      const headers = new Headers({ "content-type": "text/plain" });
      headers.append("set-cookie", "a=1; HttpOnly");
      headers.append("set-cookie", "b=2; HttpOnly");
      return new Response("ok", { status: 201, headers });
    };
    const { call } = await serve(createFastLane({ "PUT /echo": echo }, headerRules(RULES)));
    const response = await call("/echo?x=1", { method: "PUT", headers: { cookie: "session=s1" }, body: "ü body" });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(["a=1; HttpOnly", "b=2; HttpOnly"]);
    expect(seen).toEqual([{ cookie: "session=s1", url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/echo\?x=1$/), body: "ü body" }]);
  });

  it("matches a :name segment to exactly one path segment and leaves other paths to the framework", async () => {
    const paths: string[] = [];
    const record: RouteHandler = async (request) => {
      paths.push(new URL(request.url).pathname);
      return Response.json({ ok: true });
    };
    const { call, reachedFramework } = await serve(createFastLane({ "PUT /api/sessions/:id": record }, headerRules(RULES)));
    expect((await call("/api/sessions/abc?x=1", { method: "PUT", body: "{}" })).status).toBe(200);
    for (const path of ["/api/sessions", "/api/sessions/", "/api/sessions/abc/audit", "/api/sessionsX/abc"]) await call(path, { method: "PUT", body: "{}" });
    await call("/api/sessions/abc");
    expect(paths).toEqual(["/api/sessions/abc"]);
    expect(reachedFramework).toEqual([
      "PUT /api/sessions",
      "PUT /api/sessions/",
      "PUT /api/sessions/abc/audit",
      "PUT /api/sessionsX/abc",
      "GET /api/sessions/abc",
    ]);
  });

  it("adds the Vary the framework adds to its route answers", async () => {
    const ok: RouteHandler = async () => Response.json({ ok: true });
    const { call } = await serve(createFastLane({ "GET /ok": ok }, headerRules(RULES), "rsc, next-router-state-tree"));
    expect((await call("/ok")).headers.get("vary")).toBe("rsc, next-router-state-tree");
  });

  it("answers a generic 500 when a handler fails outside the error mapper", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const failing: RouteHandler = async () => {
      throw new Error("secret detail");
    };
    const { call } = await serve(createFastLane({ "GET /fail": failing }, headerRules(RULES)));
    const response = await call("/fail");
    expect([response.status, response.text]).toEqual([500, JSON.stringify({ error: "internal error" })]);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});

describe("headerRules", () => {
  it("applies every matching rule, later ones winning, and refuses conditions it cannot check", () => {
    const rules: HeaderRule[] = [
      ...RULES,
      {
        regex: "^/api(?:/.*)?$",
        headers: [
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Content-Type-Options", value: "nosniff, later" },
        ],
      },
    ];
    expect(headerRules(rules)("/api/search")).toEqual({
      "content-security-policy": "default-src 'self'",
      "x-content-type-options": "nosniff, later",
      "cache-control": "no-store",
    });
    expect(headerRules(rules)("/cases")).toEqual({ "content-security-policy": "default-src 'self'", "x-content-type-options": "nosniff" });
    expect(() => headerRules([{ ...RULES[0], has: [{ type: "header", key: "x" }] }])).toThrow(/not supported/);
  });
});

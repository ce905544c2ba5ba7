// The production server answers diagnosis, search and session saves itself (server/fast-lane.ts) and repeat page
// requests from memory (server/page-cache.ts). Two checks against a second server that sends
// everything to Next (NETRIAGE_FAST_LANE=false, NETRIAGE_PAGE_CACHE=false):
// - every request the lane serves gets the same status, body and headers from both;
// - Next still marks prerendered pages the way the page cache relies on (a Next upgrade that
//   changes these headers fails here, not silently in production).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { NEVER_REVALIDATED, PRERENDER_HEADER } from "../../server/page-cache";
import { migrate, startServer, stopServer, type RunningServer } from "./server";

/** Headers that describe one connection or one moment, not the answer. */
const PER_CONNECTION = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

type Answer = { status: number; body: string; headers: Record<string, string> };

async function answer(url: string, init?: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const body = await response.text();
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !PER_CONNECTION.has(name)));
  // A framework may stream where the lane sends a length; the body is compared byte for byte instead.
  if (headers["content-length"] === undefined) headers["content-length"] = String(Buffer.byteLength(body));
  return { status: response.status, body, headers };
}

const json = { "content-type": "application/json" };
const TICKET = {
  description: "Pods see DNS lookups that take exactly 5 seconds, a few times a minute. 部分 Pod 解析超时。",
  outputs: [{ command: "conntrack -S", text: "cpu=0 found=0 invalid=0 ignore=0 insert=0 insert_failed=12 drop=12 early_drop=0 error=0" }],
};

/** Every kind of answer the lane gives: successes and each refusal. */
const LANE_REQUESTS: { name: string; path: string; init?: RequestInit }[] = [
  { name: "diagnosis", path: "/api/diagnose", init: { method: "POST", headers: json, body: JSON.stringify(TICKET) } },
  {
    name: "diagnosis with answers",
    path: "/api/diagnose",
    init: { method: "POST", headers: json, body: JSON.stringify({ ...TICKET, answers: { "no-such-step": "yes" } }) },
  },
  { name: "malformed JSON", path: "/api/diagnose", init: { method: "POST", headers: json, body: "{ticket" } },
  { name: "empty body", path: "/api/diagnose", init: { method: "POST", headers: json, body: "" } },
  { name: "wrong field type", path: "/api/diagnose", init: { method: "POST", headers: json, body: JSON.stringify({ description: 5 }) } },
  {
    name: "cross-site POST",
    path: "/api/diagnose",
    init: { method: "POST", headers: { ...json, "sec-fetch-site": "cross-site" }, body: JSON.stringify(TICKET) },
  },
  { name: "search", path: `/api/search?q=${encodeURIComponent("insert_failed 5 秒")}&limit=3` },
  { name: "search with filters", path: "/api/search?q=mtu&kind=case&limit=2" },
  { name: "search without q", path: "/api/search" },
  { name: "search with a bad limit", path: "/api/search?q=mtu&limit=zero" },
  { name: "search with an over-long q", path: `/api/search?q=${"a".repeat(2001)}` },
  { name: "search by body", path: "/api/search", init: { method: "POST", headers: json, body: JSON.stringify({ q: "insert_failed 5 秒", limit: "3" }) } },
  { name: "search by body without q", path: "/api/search", init: { method: "POST", headers: json, body: JSON.stringify({ kind: "case" }) } },
  { name: "search by malformed body", path: "/api/search", init: { method: "POST", headers: json, body: "{q" } },
];

describe("production server against Next alone", () => {
  let scratch: string;
  let lane: RunningServer;
  let nextOnly: RunningServer;
  let baseUrl: string;

  // Both read one database: a diagnosis depends on the confirmed sessions the engine has learned from.
  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-parity-"));
    const url = `file:${path.join(scratch, "parity.db")}`;
    await migrate(url);
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, WEB_CONCURRENCY: "1" };
    [lane, nextOnly] = await Promise.all([startServer(env), startServer({ ...env, NETRIAGE_FAST_LANE: "false", NETRIAGE_PAGE_CACHE: "false" })]);
    baseUrl = lane.url;
    // A lane just started may still be loading the engine in its diagnosis threads: wait until it diagnoses.
    const diagnoses = async () => (await fetch(`${baseUrl}/api/diagnose`, { method: "POST", headers: json, body: JSON.stringify(TICKET) })).status;
    const deadline = Date.now() + 90_000;
    while ((await diagnoses()) !== 200) {
      if (Date.now() > deadline) throw new Error("the lane did not diagnose within 90 s of starting");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }, 150_000);
  afterAll(async () => {
    if (lane) await stopServer(lane);
    if (nextOnly) await stopServer(nextOnly);
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it.each(LANE_REQUESTS)("answers $name alike through the fast lane and through Next", async ({ path: route, init }) => {
    const viaLane = await answer(`${baseUrl}${route}`, init);
    const viaNext = await answer(`${nextOnly.url}${route}`, init);
    expect(viaLane).toEqual(viaNext);
  });

  it("saves a session alike through the fast lane and through Next: the save, a stale version, a bad field, bad JSON, an unknown id", async () => {
    const create = { method: "POST", headers: json, body: JSON.stringify({ title: "parity", description: TICKET.description }) };
    const idOn = async (url: string) => ((await (await fetch(`${url}/api/sessions`, create)).json()) as { id: string }).id;
    const ids = { lane: await idOn(baseUrl), next: await idOn(nextOnly.url) };
    const saves: { path: (id: string) => string; body: string }[] = [
      { path: (id) => `/api/sessions/${id}`, body: JSON.stringify({ version: 1, notes: "first save", answers: { symptom: "dns" } }) },
      { path: (id) => `/api/sessions/${id}`, body: JSON.stringify({ version: 1, notes: "stale" }) },
      { path: (id) => `/api/sessions/${id}`, body: JSON.stringify({ version: 2, status: "someday" }) },
      { path: (id) => `/api/sessions/${id}`, body: "{notes" },
      { path: () => "/api/sessions/no-such-session", body: JSON.stringify({ version: 1 }) },
      { path: () => "/api/sessions/%ff", body: JSON.stringify({ version: 1 }) },
    ];
    // Ids and clock readings differ between the two databases; everything else must not.
    const comparable = ({ status, headers, body }: Answer, id: string) => ({
      status,
      headers,
      body: body.replaceAll(id, "<id>").replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"<time>"'),
    });
    for (const save of saves) {
      const init = { method: "PUT", headers: json, body: save.body };
      const viaLane = comparable(await answer(`${baseUrl}${save.path(ids.lane)}`, init), ids.lane);
      const viaNext = comparable(await answer(`${nextOnly.url}${save.path(ids.next)}`, init), ids.next);
      expect(viaLane, save.body).toEqual(viaNext);
    }
  });

  it("gets from Next the prerender headers the page cache keeps pages by", async () => {
    const page = await fetch(`${nextOnly.url}/cases/alb-502-keepalive-race`);
    await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get(PRERENDER_HEADER)).not.toBeNull();
    expect(page.headers.get("cache-control")).toBe(NEVER_REVALIDATED);
    expect(page.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(page.headers.get("set-cookie")).toBeNull();
    // The cache answers only requests that carry none of the headers the page varies on.
    expect(
      page.headers
        .get("vary")
        ?.split(",")
        .map((name) => name.trim().toLowerCase()),
    ).toEqual(expect.arrayContaining(["rsc", "next-router-state-tree", "next-router-prefetch"]));

    // A page rendered per request must not look prerendered.
    const dynamic = await fetch(`${nextOnly.url}/triage`);
    await dynamic.text();
    expect(dynamic.headers.get(PRERENDER_HEADER) !== null && dynamic.headers.get("cache-control") === NEVER_REVALIDATED).toBe(false);
  });

  // Prerendered pages of both languages (cause pages and the home page are rendered per request).
  for (const route of ["/cases/k8s-dns-5s-conntrack-dnat-race", "/zh/cases/alb-502-keepalive-race"]) {
    it(`serves a cached page exactly as Next serves it: ${route}`, async () => {
      await answer(`${baseUrl}${route}`); // the first request fills the cache
      const cached = await answer(`${baseUrl}${route}`);
      const fromNext = await answer(`${nextOnly.url}${route}`);
      expect(cached.status).toBe(200);
      const { "x-nextjs-cache": _, ...cachedHeaders } = cached.headers;
      const { "x-nextjs-cache": __, ...nextHeaders } = fromNext.headers;
      expect({ ...cached, headers: cachedHeaders }).toEqual({ ...fromNext, headers: nextHeaders });
    });
  }

  it("never answers '/' from the cache: a remembered language choice still sends the reader to /zh", async () => {
    await answer(`${baseUrl}/`);
    const plain = await fetch(`${baseUrl}/`, { redirect: "manual" });
    await plain.text();
    expect(plain.status).toBe(200);
    expect(plain.headers.get("cache-control")).toBe("private, no-cache");
    const chosen = await fetch(`${baseUrl}/`, { redirect: "manual", headers: { cookie: "netriage_locale=zh" } });
    await chosen.text();
    expect(chosen.status).toBe(307);
    expect(chosen.headers.get("location")).toBe("/zh");
  });
});

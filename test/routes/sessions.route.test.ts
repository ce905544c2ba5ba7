import { beforeAll, describe, expect, it } from "vitest";

import { backends, useAppDatabase } from "@/test/db/databases";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let collection: { GET: (request: Request) => Promise<Response>; POST: (request: Request) => Promise<Response> };
let item: { GET: Handler; PUT: Handler };
let exporter: { GET: Handler };

beforeAll(async () => {
  collection = await import("@/app/api/sessions/route");
  item = await import("@/app/api/sessions/[id]/route");
  exporter = await import("@/app/api/sessions/[id]/export/route");
});

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const create = async (body: unknown) => collection.POST(new Request("http://x/api/sessions", json(body)));
const put = async (id: string, body: unknown) => item.PUT(new Request(`http://x/api/sessions/${id}`, { ...json(body), method: "PUT" }), params(id));

describe.each(backends)("session routes on %s", (dialect) => {
  beforeAll(async () => {
    await useAppDatabase(dialect);
  });

  describe("POST /api/sessions", () => {
    it("creates a session (201) and lists it", async () => {
      const response = await create({ description: "DNS fails in pods", ticketRef: "T-1" });
      expect(response.status).toBe(201);
      const session = await response.json();
      expect(session).toMatchObject({ title: "DNS fails in pods", ticketRef: "T-1", version: 1 });
      const listed = await (await collection.GET(new Request("http://x/api/sessions"))).json();
      expect(listed.map((s: { id: string }) => s.id)).toContain(session.id);
    });

    it("answers 400 for malformed JSON, 422 naming the field or pasted text over 5 MB, 413 for a body over 6 MB", async () => {
      expect((await create("{nope")).status).toBe(400);
      const invalid = await create({ description: 7 });
      expect(invalid.status).toBe(422);
      expect((await invalid.json()).error).toMatch(/^description: /);
      const overLimit = await create({ description: "x".repeat(4 * 1024 * 1024), outputs: [{ text: "y".repeat(1024 * 1024 + 1) }] });
      expect(overLimit.status).toBe(422);
      expect((await overLimit.json()).error).toMatch(/^description: the pasted text is 5\.0 MB; the limit is 5 MB/);
      const huge = await create({ description: "x".repeat(6 * 1024 * 1024 + 1) });
      expect(huge.status).toBe(413);
    });
  });

  describe("GET and PUT /api/sessions/[id]", () => {
    it("answers 404 for an unknown session", async () => {
      const response = await item.GET(new Request("http://x/api/sessions/nope"), params("nope"));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'no triage session "nope"' });
    });

    it("saves at the current version and answers 409 to a stale one", async () => {
      const session = await (await create({ description: "x" })).json();
      expect((await put(session.id, { version: 1, notes: "a" })).status).toBe(200);
      const stale = await put(session.id, { version: 1, notes: "b" });
      expect(stale.status).toBe(409);
      expect((await stale.json()).error).toMatch(/reload or merge/);
    });

    it("answers 404 for a malformed escape in the id", async () => {
      const response = await item.PUT(new Request("http://x/api/sessions/%ff", { ...json({ version: 1 }), method: "PUT" }), params("%ff"));
      expect(response.status).toBe(404);
    });

    it("answers 422 for an unknown field or an unknown root cause", async () => {
      const session = await (await create({ description: "x" })).json();
      expect((await put(session.id, { version: 1, colour: "red" })).status).toBe(422);
      const cause = await put(session.id, { version: 1, confirmedCause: "gremlins" });
      expect((await cause.json()).error).toMatch(/^confirmedCause: /);
    });
  });

  describe("GET /api/sessions/[id]/export", () => {
    it("refuses to export before a cause is confirmed, and rejects an unknown format", async () => {
      const session = await (await create({ description: "x" })).json();
      const early = await exporter.GET(new Request(`http://x/api/sessions/${session.id}/export?format=reply`), params(session.id));
      expect(early.status).toBe(409);
      const format = await exporter.GET(new Request(`http://x/api/sessions/${session.id}/export?format=pdf`), params(session.id));
      expect(format.status).toBe(422);
      expect((await format.json()).error).toMatch(/^format: /);
    });

    it("exports the reply as Markdown once a cause is confirmed", async () => {
      const session = await (await create({ description: "Pods resolve names in exactly 5 seconds" })).json();
      await put(session.id, { version: 1, confirmedCause: "conntrack-insert-race", status: "confirmed" });
      const response = await exporter.GET(new Request(`http://x/api/sessions/${session.id}/export?format=reply`), params(session.id));
      expect(response.headers.get("content-type")).toMatch(/text\/markdown/);
      expect(await response.text()).toMatch(/^Hello,[\s\S]*\*\*How to fix it\*\*/);
    });

    it("exports the reply in the ticket's language, or in the lang asked for", async () => {
      const session = await (await create({ description: "Pod 里的域名解析偶尔正好慢 5 秒" })).json();
      await put(session.id, { version: 1, confirmedCause: "conntrack-insert-race", status: "confirmed" });
      const exported = (lang = "") => exporter.GET(new Request(`http://x/api/sessions/${session.id}/export?format=reply${lang}`), params(session.id));
      expect(await (await exported()).text()).toMatch(/^您好，[\s\S]*\*\*修复方法\*\*/);
      expect(await (await exported("&lang=en")).text()).toMatch(/^Hello,/);
      expect((await exported("&lang=fr")).status).toBe(422);
    });
  });
});

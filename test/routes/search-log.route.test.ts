// POST /api/search/log and POST /api/search/clicks: the search page reports settled searches and clicks.
import { beforeAll, describe, expect, it } from "vitest";

import { getPrisma } from "@/lib/db";
import { POST as postClick } from "@/app/api/search/clicks/route";
import { GET as getLog, POST as postLog } from "@/app/api/search/log/route";
import { GET as search } from "@/app/api/search/route";
import { backends, useAppDatabase } from "@/test/db/databases";

const post = (handler: (request: Request) => Promise<Response>, body: unknown, type = "application/json") =>
  handler(new Request("http://localhost/api/search/log", { method: "POST", headers: { "content-type": type }, body: JSON.stringify(body) }));

describe.each(backends)("search logging on %s", (dialect) => {
  beforeAll(async () => {
    await useAppDatabase(dialect);
  });

  it("logs the query and counts its matches itself, and nothing that names the searcher", async () => {
    const response = await post(postLog, { q: "insert_failed", kind: "case", results: 999 });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const row = await getPrisma().searchLog.findUniqueOrThrow({ where: { id } });
    const matched = (await (await search(new Request("http://localhost/api/search?q=insert_failed&kind=case&limit=50"))).json()).length;
    expect(row).toMatchObject({ query: "insert_failed", results: matched, clicks: 0, clickedUrl: null });
    expect(Object.keys(row).sort()).toEqual(["clickedUrl", "clicks", "createdAt", "id", "query", "results"]);
    expect((await post(postLog, { q: "qwzxv frobnicator" })).status).toBe(201);
  });

  it("counts clicks, keeps the first result clicked, and takes a click sent with the search", async () => {
    const { id } = await (await post(postLog, { q: "tcp_tw_recycle" })).json();
    expect((await post(postClick, { search: id, url: "/causes/tcp-tw-recycle-nat-timestamps" })).status).toBe(204);
    expect((await post(postClick, { search: id, url: "/cases/x" })).status).toBe(204);
    expect(await getPrisma().searchLog.findUniqueOrThrow({ where: { id } })).toMatchObject({ clicks: 2, clickedUrl: "/causes/tcp-tw-recycle-nat-timestamps" });
    const withClick = await (await post(postLog, { q: "somaxconn", clicked: "/causes/accept-queue-overflow" })).json();
    expect(await getPrisma().searchLog.findUniqueOrThrow({ where: { id: withClick.id } })).toMatchObject({
      clicks: 1,
      clickedUrl: "/causes/accept-queue-overflow",
    });
  });

  it("refuses what is not a search of this site: 404, 415, 422, 405", async () => {
    expect((await post(postLog, { q: "" })).status).toBe(422);
    expect((await post(postLog, { q: "dns", clicked: "https://evil.example/" })).status).toBe(422);
    expect((await post(postClick, { search: "nosuchsearch", url: "/cases/x" })).status).toBe(404);
    expect((await post(postClick, { search: "x", url: "javascript:alert(1)" })).status).toBe(422);
    expect((await post(postLog, { q: "dns" }, "text/plain")).status).toBe(415);
    expect((await getLog(new Request("http://localhost/api/search/log"))).status).toBe(405);
  });
});

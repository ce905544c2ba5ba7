// POST /api/search: the same search as GET, for queries too long for a URL.
import { describe, expect, it } from "vitest";

import { MAX_QUERY_LENGTH } from "@/lib/search/search-params";
import { GET, POST } from "@/app/api/search/route";

const get = (params: Record<string, string>) => GET(new Request(`http://x/api/search?${new URLSearchParams(params)}`));
const post = (body: unknown, type = "application/json") =>
  POST(new Request("http://x/api/search", { method: "POST", headers: { "content-type": type }, body: typeof body === "string" ? body : JSON.stringify(body) }));

describe("POST /api/search", () => {
  it("answers exactly what GET answers for the same parameters", async () => {
    const cases: Record<string, string>[] = [{ q: "insert_failed conntrack" }, { q: "DNS 解析偶尔 5 秒", limit: "3", kind: "case" }, { q: "502", layer: "l7" }];
    for (const params of cases) {
      const byQuery = await get(params);
      const byBody = await post(params);
      expect(byBody.status).toBe(byQuery.status);
      expect(await byBody.json()).toEqual(await byQuery.json());
    }
    expect(await (await post({ q: "insert_failed", limit: 2 })).json()).toEqual(await (await get({ q: "insert_failed", limit: "2" })).json());
  });

  it("takes a query of the full length whose URL would be 18 KB", async () => {
    const q = "连接超时".repeat(MAX_QUERY_LENGTH / 4);
    expect(`/api/search?${new URLSearchParams({ q })}`.length).toBeGreaterThan(16 * 1024);
    const response = await post({ q, kind: "case" });
    expect(response.status).toBe(200);
    expect(Array.isArray(await response.json())).toBe(true);
  });

  it("gives the same errors as GET, and 400 for a body that is not an object", async () => {
    expect([(await post({ q: "x".repeat(MAX_QUERY_LENGTH + 1) })).status, (await get({ q: "x".repeat(MAX_QUERY_LENGTH + 1) })).status]).toEqual([400, 400]);
    expect(await (await post({ q: "dns", limit: 0 })).json()).toEqual(await (await get({ q: "dns", limit: "0" })).json());
    expect((await post(["dns"])).status).toBe(400);
    expect((await post({ q: "dns" }, "text/plain")).status).toBe(415);
  });
});

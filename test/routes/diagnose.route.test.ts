import { describe, expect, it } from "vitest";

import { POST } from "@/app/api/diagnose/route";

const post = (body: string, headers: Record<string, string> = {}) =>
  POST(new Request("http://localhost/api/diagnose", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }));

describe("POST /api/diagnose", () => {
  it("returns the same shape as the CLI", async () => {
    const response = await post(JSON.stringify({ description: "DNS lookups in pods take 5 seconds" }));
    expect(response.status).toBe(200);
    expect(Object.keys(await response.json()).slice(0, 4)).toEqual(["rootCauses", "next", "signals", "confidence"]);
  });

  it("answers in the description's language, or in the lang the request names, and 422 for another language", async () => {
    const chinese = await (await post(JSON.stringify({ description: "Pod 里的 DNS 解析经常要 5 秒" }))).json();
    const english = await (await post(JSON.stringify({ description: "Pod 里的 DNS 解析经常要 5 秒", lang: "en" }))).json();
    expect([chinese.lang, english.lang]).toEqual(["zh", "en"]);
    expect(chinese.next.why).toMatch(/[\u3400-\u9fff]/);
    expect(english.next.why).not.toMatch(/[\u3400-\u9fff]/);
    expect(chinese.rootCauses.map((c: { id: string }) => c.id)).toEqual(english.rootCauses.map((c: { id: string }) => c.id));
    const unknown = await post(JSON.stringify({ description: "x", lang: "fr" }));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error).toMatch(/^lang: /);
  });

  it("answers 400 for malformed JSON", async () => {
    const response = await post("{oops");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/malformed JSON/);
  });

  it("answers 422 naming the field for a schema violation", async () => {
    const response = await post(JSON.stringify({ description: "x", outputs: [{ text: 5 }] }));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/^outputs\.0\.text: /);
  });

  it("answers 422 naming the answer for an unknown question", async () => {
    const response = await post(JSON.stringify({ description: "x", answers: { nope: "yes" } }));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatch(/^answers\.nope: /);
  });

  it("answers 422 for pasted text over 5 MB and 413 for a body over 6 MB, saying the limit", async () => {
    const overText = await post(JSON.stringify({ description: "a".repeat(5 * 1024 * 1024 + 10) }));
    expect(overText.status).toBe(422);
    expect((await overText.json()).error).toMatch(/limit is 5 MB/);
    const big = JSON.stringify({ description: "a".repeat(6 * 1024 * 1024 + 10) });
    const response = await post(big);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/6 MB/);
  });
});

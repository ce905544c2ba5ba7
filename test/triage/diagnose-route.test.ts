import { describe, expect, it } from "vitest";

import { POST } from "@/app/api/diagnose/route";
import { MAX_DIAGNOSE_BYTES } from "@/lib/triage/diagnose-schema";

const post = (body: string, headers: Record<string, string> = {}) =>
  POST(new Request("http://localhost/api/diagnose", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }));

describe("POST /api/diagnose", () => {
  it("returns the same shape as the CLI", async () => {
    const response = await post(JSON.stringify({ description: "DNS lookups in pods take 5 seconds" }));
    expect(response.status).toBe(200);
    expect(Object.keys(await response.json()).slice(0, 3)).toEqual(["rootCauses", "next", "signals"]);
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

  it("answers 413 for a body above the limit and 422 for a ticket text above 5 MB, saying the limit", async () => {
    const tooLarge = await post(JSON.stringify({ description: "a".repeat(MAX_DIAGNOSE_BYTES + 10) }));
    expect(tooLarge.status).toBe(413);
    const longText = await post(JSON.stringify({ description: "a".repeat(5 * 1024 * 1024 + 10) }));
    expect(longText.status).toBe(422);
    expect((await longText.json()).error).toMatch(/5 MB/);
  });
});

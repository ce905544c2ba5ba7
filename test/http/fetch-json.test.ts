import { afterEach, describe, expect, test, vi } from "vitest";

import { ApiError, fetchJson, fetchText } from "@/lib/http/fetch-json";

function answer(body: string, init: ResponseInit) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(body, init)),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchJson", () => {
  test("sends the body as JSON and returns the JSON answer", async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => Response.json({ id: "abc" }, { status: 201 }));
    vi.stubGlobal("fetch", fetchMock);
    await expect(fetchJson("/api/sessions", { method: "POST", body: { title: "x" } })).resolves.toEqual({ id: "abc" });
    const init = fetchMock.mock.calls[0][1];
    expect(init).toMatchObject({ method: "POST", headers: { "content-type": "application/json" }, body: '{"title":"x"}' });
  });

  test("throws the route's error message with its status", async () => {
    answer(JSON.stringify({ error: "version 3 is stale" }), { status: 409, headers: { "content-type": "application/json" } });
    const error = await fetchJson("/api/sessions/1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, message: "version 3 is stale" });
  });

  test("never parses a non-JSON error page as JSON", async () => {
    answer("<html><body>502 Bad Gateway</body></html>", { status: 502, statusText: "Bad Gateway", headers: { "content-type": "text/html" } });
    await expect(fetchJson("/api/diagnose")).rejects.toMatchObject({ status: 502, message: "HTTP 502 Bad Gateway" });
  });

  test("a 200 that is not JSON is an error, not a parse crash", async () => {
    answer("<html>sign in</html>", { status: 200, headers: { "content-type": "text/html" } });
    await expect(fetchJson("/api/search?q=x")).rejects.toBeInstanceOf(ApiError);
  });

  test("an empty answer is undefined", async () => {
    answer("", { status: 200 });
    await expect(fetchJson("/api/auth/sign-out", { method: "POST" })).resolves.toBeUndefined();
  });

  test("no answer at all is an offline ApiError; an abort stays an abort", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const offline = await fetchJson("/api/sessions/1").catch((e: unknown) => e);
    expect(offline).toMatchObject({ status: 0, offline: true });

    const controller = new AbortController();
    controller.abort();
    const aborted = new DOMException("aborted", "AbortError");
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(aborted)),
    );
    await expect(fetchJson("/api/search?q=x", { signal: controller.signal })).rejects.toBe(aborted);
  });
});

describe("fetchText", () => {
  test("returns the text, and reads a JSON error", async () => {
    answer("# Reply", { status: 200, headers: { "content-type": "text/markdown" } });
    await expect(fetchText("/api/sessions/1/export?format=reply")).resolves.toBe("# Reply");
    answer(JSON.stringify({ error: "confirm a cause first" }), { status: 409, headers: { "content-type": "application/json; charset=utf-8" } });
    await expect(fetchText("/api/sessions/1/export?format=reply")).rejects.toMatchObject({ status: 409, message: "confirm a cause first" });
  });
});

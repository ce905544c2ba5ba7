// Every API route answers every method: the ones it serves, and a JSON 405 naming them for the rest
// (the framework's own 405 has an empty body).
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { ALLOWED_METHODS, ROUTE_METHODS } from "@/lib/http/method-not-allowed";

const API = path.join(import.meta.dirname, "../../app/api");
const routeFiles = fs
  .readdirSync(API, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts")
  .sort();

type Handler = ((request: Request, context: unknown) => Promise<Response>) & { [ALLOWED_METHODS]?: readonly string[] };

describe("405 answers", () => {
  it("finds the API routes", () => {
    expect(routeFiles.length).toBeGreaterThan(10);
  });

  it.each(routeFiles)("app/api/%s answers every other method with a JSON 405 and an Allow header", async (file) => {
    const route = (await import(path.join(API, file))) as Record<string, Handler | undefined>;
    const served = ROUTE_METHODS.filter((method) => route[method] && !route[method][ALLOWED_METHODS]);
    expect(served.length).toBeGreaterThan(0);
    for (const method of ROUTE_METHODS.filter((m) => !served.includes(m))) {
      const handler = route[method];
      expect(handler, `${method} is not exported`).toBeDefined();
      const response = await handler!(new Request("http://netriage.example/api/x", { method }), { params: Promise.resolve({ id: "x" }) });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe(served.join(", "));
      expect(await response.json()).toEqual({ error: `${method} is not allowed here: use ${served.join(" or ")}` });
    }
  });
});

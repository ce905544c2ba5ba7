// One serving process: Next's request handler, with the library's diagnosis and search API answered
// without Next (lib/http/fast-lane.ts, bundled by scripts/lane-build.ts) and repeat requests for
// prerendered pages answered from memory (scripts/page-cache.mjs). Started by scripts/serve.mjs, once per worker.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import next from "next";

import { createPageCache } from "./page-cache.mjs";

const { values } = parseArgs({ options: { port: { type: "string", short: "p", default: process.env.PORT ?? "3000" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port);
const hostname = values.hostname;

process.title = "netriage-server";
const app = next({ dev: false, hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();
const lane = await loadFastLane();
// A private library (NETRIAGE_PUBLIC_LIBRARY=false) checks every page request (proxy.ts): no cache.
const pages = process.env.NETRIAGE_PUBLIC_LIBRARY === "false" ? undefined : createPageCache();

const server = http.createServer((request, response) => {
  if (lane(request, response) || pages?.serve(request, response)) return;
  pages?.capture(request, response);
  handle(request, response).catch((error) => {
    console.error(`failed to handle ${request.method} ${request.url}`, error);
    if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: "internal error" }));
  });
});
server.listen(port, hostname, () => console.log(`ready on http://${hostname ?? "localhost"}:${port}`));

/** The fast lane, with the response headers next.config.js sets (as the build recorded them). */
async function loadFastLane() {
  const bundle = path.resolve(".next/netriage/fast-lane.mjs");
  if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\``);
  const { createLibraryLane } = await import(pathToFileURL(bundle).href);
  const { headers } = JSON.parse(fs.readFileSync(path.resolve(".next/routes-manifest.json"), "utf8"));
  return createLibraryLane(headers);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}

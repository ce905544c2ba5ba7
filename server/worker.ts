// One serving process: Next's request handler behind three shortcuts, in this order:
// request-guard.ts refuses what no route can answer, fast-lane.ts answers diagnosis, search and session saves
// without Next (diagnoses run in a pool of threads, diagnosis-pool.ts), and page-cache.ts answers repeat
// requests for prerendered and library pages from memory, and pages of in-app cases from disk too
// (page-store.ts). Started by main.ts, once per worker.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

import next from "next";

import { isLibraryPublic } from "../lib/auth/access";
import { readEnv } from "../lib/env";
import { getLiveLearnedSet } from "../lib/library/live-knowledge";
import { getLiveSearchIndex, trackLibraryVersion } from "../lib/library/live-library";
import { createDiagnosisPool } from "./diagnosis-pool";
import { createApiLane, headerRules, type FastLane, type HeaderRule } from "./fast-lane";
import { createPageCache } from "./page-cache";
import { createPageStore } from "./page-store";
import { createRequestListener } from "./request-listener";

/** Threads per serving process that run diagnoses. */
const DIAGNOSIS_THREADS = 2;
/**
 * How often a worker with a diagnosis pool looks for a change to what the engine learns from (one
 * library version read; confirmed sessions at most every LEARNED_RECHECK_MS), so the threads rebuild
 * their knowledge after a publish rather than on the next diagnosis.
 */
const KNOWLEDGE_WARM_INTERVAL_MS = 1_000;

export async function startWorker({ port, hostname }: { port: number; hostname?: string }): Promise<void> {
  const settings = readEnv();
  // Next builds the URL a proxy.ts rewrite is read against from this hostname, and the URL proxy.ts sees
  // from "localhost": any other name (the -H address) makes every rewrite an HTTP request to itself.
  const app = next({ dev: false, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { headers: rules, rsc } = readRoutesManifest();
  const siteHeaders = headerRules(rules);
  const pool = settings.NETRIAGE_FAST_LANE
    ? createDiagnosisPool({ threadScript: new URL("./diagnosis-thread.mjs", import.meta.url), threads: DIAGNOSIS_THREADS })
    : undefined;
  const lane: FastLane | undefined = pool && createApiLane(siteHeaders, pool.diagnose, rsc?.varyHeader);
  if (pool) {
    const warm = () => getLiveLearnedSet().then(pool.warm, (error: unknown) => console.error("could not read what the engine learns from", error));
    setInterval(warm, KNOWLEDGE_WARM_INTERVAL_MS).unref();
  }
  // A private library checks every page request (proxy.ts): nothing may be answered from memory.
  const library = trackLibraryVersion();
  /** Set by main.ts for its workers. */
  const storeDir = process.env.NETRIAGE_PAGE_STORE;
  const pages =
    settings.NETRIAGE_PAGE_CACHE && isLibraryPublic(settings)
      ? createPageCache({ library, store: storeDir ? createPageStore(storeDir) : undefined })
      : undefined;

  // The library loaded and the search index filling before the first request rather than during it.
  await getLiveSearchIndex();
  const server = http.createServer(createRequestListener({ siteHeaders, lane, pages, librarySync: library.due, next: handle }));
  server.listen(port, hostname, () => console.log(`ready on http://${hostname ?? "localhost"}:${port}`));

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      void pool?.close();
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}

/** The response headers next.config.js sets and the Vary Next adds, as the build recorded them. */
function readRoutesManifest(): { headers: HeaderRule[]; rsc?: { varyHeader?: string } } {
  const manifest = path.resolve(".next/routes-manifest.json");
  if (!fs.existsSync(manifest)) throw new Error(`${manifest} is missing: run \`npm run build\``);
  return JSON.parse(fs.readFileSync(manifest, "utf8")) as { headers: HeaderRule[]; rsc?: { varyHeader?: string } };
}

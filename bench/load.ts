// npm run bench:load: serves the production build on 127.0.0.1 and drives each route with autocannon
// (50 connections, a bounded time each), printing throughput, latency p50/p99 and errors side by side.
// One row drives search while two diagnoses of 4.8 MB of newlines are kept running.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { migrate, runOrThrow, startServer, stopServer } from "../test/e2e/server";
import { measureBareSqliteSaves } from "./bare-sqlite-saves";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const TICKETS = [
  {
    description: "Some clients behind our office NAT time out connecting to the API on 8080; others are fine.",
    outputs: [{ command: "netstat -s", text: "    3631812 SYNs to LISTEN sockets dropped\n    3631476 passive connections rejected because of time stamp" }],
  },
  {
    description: "Pods see DNS lookups that take exactly 5 seconds, a few times a minute.",
    outputs: [{ command: "conntrack -S", text: "cpu=0 found=0 invalid=0 ignore=0 insert=0 insert_failed=12 drop=12 early_drop=0 error=0 search_restart=0" }],
  },
  { description: "经过 ELB 偶发 502，后端日志没有报错。", outputs: [] },
];

type Row = { route: string; requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number; statuses: string };

/** Seconds of load before each measurement, so lazy loading (content, index, JIT) is not counted. */
const WARM_UP_SECONDS = 2;

/** Runs `options()` for the warm-up, then again (fresh per-run state) for the measurement. */
async function drive(route: string, options: () => autocannon.Options | Promise<autocannon.Options>): Promise<Row> {
  await autocannon({ connections: CONNECTIONS, duration: WARM_UP_SECONDS, ...(await options()) });
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...(await options()) });
  return {
    route,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => !status.startsWith("2"))
      .map(([status, { count }]) => `${count}×${status}`)
      .join(" "),
  };
}

const SESSIONS_PER_CONNECTION = 10;

async function createSession(baseUrl: string, description: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ description }),
  });
  return ((await response.json()) as { id: string }).id;
}

/**
 * Autosaves as the wizard does: each connection (one engineer's tab) saves its own sessions in turn,
 * naming the version its last save returned. Fresh sessions per run: a save cut off when a run ends
 * has moved the version on. Any 409 here is a lost update the server got wrong.
 */
async function saveLoad(baseUrl: string): Promise<autocannon.Options> {
  const pools: { id: string; version: number }[][] = [];
  for (let c = 0; c < CONNECTIONS; c++) {
    const pool = [];
    for (let i = 0; i < SESSIONS_PER_CONNECTION; i++) pool.push({ id: await createSession(baseUrl, `load ${c}.${i}`), version: 1 });
    pools.push(pool);
  }
  let connections = 0;
  return {
    url: baseUrl,
    // autocannon resets a request's context after each response, so the per-connection state lives here.
    setupClient: (client) => {
      const sessions = pools[connections++ % pools.length];
      let turn = 0;
      client.setRequests([
        {
          method: "PUT",
          setupRequest: (request) => {
            const session = sessions[turn++ % sessions.length];
            return {
              ...request,
              path: `/api/sessions/${session.id}`,
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ version: session.version, notes: `save ${turn}`, answers: { symptom: "dns" } }),
            };
          },
          onResponse: (status, body) => {
            if (status !== 200) return;
            const saved = JSON.parse(body) as { id: string; version: number };
            const session = sessions.find((s) => s.id === saved.id);
            if (session) session.version = saved.version;
          },
        },
      ]);
    },
  };
}

/**
 * Keeps `count` diagnoses of a 4.8 MB body of newlines (the heaviest shape the body limit lets in)
 * in flight until stopped, as hostile or careless clients would; returns the statuses they got.
 */
function keepHeavyDiagnosesRunning(baseUrl: string, count: number): { stop(): Promise<string> } {
  const body = JSON.stringify({ description: "\n".repeat(2.4 * 1024 * 1024) });
  const statuses = new Map<number, number>();
  let running = true;
  const loops = Array.from({ length: count }, async () => {
    while (running) {
      const response = await fetch(`${baseUrl}/api/diagnose`, { method: "POST", headers: { "content-type": "application/json" }, body });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return [...statuses].map(([status, n]) => `${n}×${status}`).join(" ");
    },
  };
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-load-"));
const database = path.join(scratch, "load.db");
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:${database}` };
await migrate(`file:${database}`);
if (!fs.existsSync(".next/netriage/server.mjs") || process.env.BENCH_BUILD === "1") runOrThrow("npm", ["run", "--silent", "build"], env);
const server = await startServer(env);

try {
  let ticket = 0;
  const rows: Row[] = [];
  rows.push(await drive("GET /cases/[id]", () => ({ url: `${server.url}/cases/anytunnel-container-syn-dropped-tw-recycle` })));
  rows.push(
    await drive("POST /api/diagnose", () => ({
      url: `${server.url}/api/diagnose`,
      method: "POST",
      headers: { "content-type": "application/json" },
      setupClient: (client) => client.setBody(JSON.stringify(TICKETS[ticket++ % TICKETS.length])),
    })),
  );
  rows.push(await drive("GET /api/search", () => ({ url: `${server.url}/api/search?q=${encodeURIComponent("insert_failed conntrack 5s dns")}&limit=5` })));
  const heavy = keepHeavyDiagnosesRunning(server.url, 2);
  const searchUnderHeavy = await drive("GET /api/search, 2 heavy", () => ({
    url: `${server.url}/api/search?q=${encodeURIComponent("mtu blackhole")}&limit=5`,
  }));
  const heavyStatuses = await heavy.stop();
  rows.push({ ...searchUnderHeavy, statuses: `${searchUnderHeavy.statuses} (heavy diagnoses: ${heavyStatuses})`.trim() });
  rows.push(await drive("PUT /api/sessions/[id]", () => saveLoad(server.url)));
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per route after ${WARM_UP_SECONDS} s of warm-up, 127.0.0.1\n`);
  console.log("route                        req/s     p50 ms   p99 ms   errors   non-2xx");
  for (const r of rows) {
    console.log(
      `${r.route.padEnd(26)} ${r.requestsPerSecond.toFixed(0).padStart(7)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.non2xx).padStart(9)}  ${r.statuses}`,
    );
  }
} finally {
  await stopServer(server);
  fs.rmSync(scratch, { recursive: true, force: true });
}
// The same rows saved by a bare better-sqlite3 loop on this machine: what the hardware allows.
const bare = await measureBareSqliteSaves();
console.log(
  `\nbare better-sqlite3 (the statements of one save, in a loop on one connection): ${bare.savesPerSecond.toFixed(0)} saves/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
);

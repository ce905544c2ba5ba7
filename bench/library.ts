// npm run bench:library: 10,000 cases published in the app (DATABASE_URL, or a scratch SQLite file),
// served by the production build: case page latency at 50 connections, search latency (in the
// process and over HTTP), and how long a publish on one instance takes to be found by search on another.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { createPrisma } from "../lib/db";
import { databaseDialect } from "../lib/db-url";
import { splitCaseMdx } from "../lib/library/case-fields";
import { getLiveSearchIndex } from "../lib/library/live-library";
import { searchContent } from "../lib/search/search";
import { migrate, ROOT, startServer, stopServer } from "../test/e2e/server";

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Case pages read most: a set whose pages fit the page cache (64 MB per worker). */
const HOT_CASES = 500;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-library-bench-"));
const url = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : `file:${path.join(scratch, "library.db")}`;
await migrate(url);
const prisma = createPrisma(url);
if ((await prisma.libraryCase.count()) > 0) throw new Error(`${url} already holds library cases: give the bench an empty database`);

// Every resolved problem case of the repository is a template; each in-app case gets its own title and a tag only it has.
const templates = fs
  .readdirSync(path.join(ROOT, "content/cases"))
  .map((name) => splitCaseMdx(fs.readFileSync(path.join(ROOT, "content/cases", name), "utf8")))
  .filter(({ fields }) => fields.type === "problem" && fields.status === "resolved" && fields.rootCause);
const idOf = (n: number) => `library-bench-${n}`;
const tagOf = (n: number) => `benchtag${n}`;

let started = performance.now();
for (let from = 0; from < CASES; from += 500) {
  const rows = [];
  for (let n = from; n < Math.min(CASES, from + 500); n++) {
    const { fields, body } = templates[n % templates.length];
    const { id: _id, ...rest } = fields;
    rows.push({
      id: idOf(n),
      status: "published",
      title: `${fields.title} (${n})`,
      fields: JSON.stringify({ ...rest, title: `${fields.title} (${n})`, tags: [...(fields.tags ?? []), tagOf(n)], related: [] }),
      body,
      libraryVersion: 1,
      publishedAt: new Date(),
    });
  }
  await prisma.libraryCase.createMany({ data: rows });
}
await prisma.libraryState.create({ data: { id: 1, version: 1 } });
console.log(
  `seeded ${CASES} published in-app cases (${templates.length} distinct bodies) in ${((performance.now() - started) / 1000).toFixed(1)} s on ${databaseDialect(url)}`,
);

started = performance.now();
const index = await getLiveSearchIndex(prisma);
// Past a thousand in-app cases the index fills in the background between turns of the event loop: wait for all of them.
const indexed = () => index.documents.filter((doc, n) => doc.kind === "case" && doc.id.startsWith("library-bench-") && !index.removed.has(n)).length;
while (indexed() < CASES) await new Promise((resolve) => setTimeout(resolve, 50));
console.log(`search index over the repository and ${CASES} in-app cases loaded in the process in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const queries: { query: string }[] = JSON.parse(fs.readFileSync(path.join(ROOT, "test/search/queries.json"), "utf8")).queries;
const timings: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const { query } of queries) {
    const t = performance.now();
    searchContent(index, query);
    if (round > 0) timings.push(performance.now() - t);
  }
}
timings.sort((a, b) => a - b);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
console.log(
  `search in the process, ${timings.length} queries: p50 ${percentile(timings, 50).toFixed(2)} ms, p95 ${percentile(timings, 95).toFixed(2)} ms (goal: p95 under 10 ms)`,
);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "2" };
const [a, b] = [await startServer(env), await startServer({ ...env, WEB_CONCURRENCY: "1" })];
try {
  // A fresh instance answers searches at once and fills its index with the in-app cases between requests.
  started = performance.now();
  for (let found = 0; found < 4 && performance.now() - started < 300_000;) {
    const hits = (await (await fetch(`${a.url}/api/search?q=${tagOf(CASES - 1)}`)).json()) as { id: string }[];
    found = hits.some((hit) => hit.id === idOf(CASES - 1)) ? found + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(`a new instance's searches cover all ${CASES} in-app cases after ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Every in-app case page rendered once, as readers would over time: each lands in the build's page store on disk.
  started = performance.now();
  let next = 0;
  const renderAll = async () => {
    for (let n = next++; n < CASES; n = next++) await (await fetch(`${a.url}/cases/${idOf(n)}`)).arrayBuffer();
  };
  await Promise.all(Array.from({ length: 4 }, renderAll));
  const renderSeconds = (performance.now() - started) / 1000;
  console.log(`first views of all ${CASES} case pages, 4 at a time: ${renderSeconds.toFixed(1)} s (${(CASES / renderSeconds).toFixed(0)} pages/s)`);

  const drive = (duration: number, pathOf: () => string) =>
    autocannon({ url: a.url, connections: CONNECTIONS, duration, requests: [{ setupRequest: (request) => ({ ...request, path: pathOf() }) }] });
  // Pages read most (a set that fits the memory cache), then every in-app case alike (most are read from disk).
  for (const [label, pool] of [
    [`the ${HOT_CASES} most read`, HOT_CASES],
    [`any of the ${CASES}`, CASES],
  ] as const) {
    const randomCase = () => `/cases/${idOf(Math.floor(Math.random() * pool))}`;
    await drive(2, randomCase);
    const pages = await drive(SECONDS, randomCase);
    console.log(
      `GET /cases/<in-app id>, ${label}, ${CONNECTIONS} connections, ${SECONDS} s: ${pages.requests.average.toFixed(0)} req/s, p50 ${pages.latency.p50} ms, p99 ${pages.latency.p99} ms, ${pages.non2xx} non-2xx, ${pages.errors + pages.timeouts} errors (goal: p99 under 50 ms)`,
    );
  }
  const searchPath = () => `/api/search?q=${encodeURIComponent(queries[Math.floor(Math.random() * queries.length)].query)}`;
  await drive(2, searchPath);
  const searches = await drive(SECONDS, searchPath);
  console.log(
    `GET /api/search, ${CONNECTIONS} connections: ${searches.requests.average.toFixed(0)} req/s, p50 ${searches.latency.p50} ms, p97.5 ${searches.latency.p97_5} ms, p99 ${searches.latency.p99} ms, ${searches.non2xx} non-2xx`,
  );

  // A publish on A, searched for on B (whose index is loaded): how long until B finds it.
  const { fields, body } = templates[0];
  const created = await (
    await fetch(`${a.url}/api/cases`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...fields, id: "library-bench-published", title: "Numbat gateway drops", related: [], body }),
    })
  ).json();
  await (await fetch(`${b.url}/api/search?q=numbat`)).text();
  const publish = await fetch(`${a.url}/api/cases/${created.id}/publish`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (publish.status !== 200) throw new Error(`publish answered ${publish.status}: ${await publish.text()}`);
  const published = performance.now();
  let foundAfter = Infinity;
  while (performance.now() - published < 10_000) {
    const hits = (await (await fetch(`${b.url}/api/search?q=numbat`)).json()) as { id: string }[];
    if (hits.some((hit) => hit.id === created.id)) {
      foundAfter = performance.now() - published;
      break;
    }
  }
  console.log(`a publish on one instance found by search on another after ${foundAfter.toFixed(0)} ms (goal: under 2,000 ms)`);
} finally {
  await Promise.all([stopServer(a), stopServer(b)]);
  await prisma.$disconnect();
  fs.rmSync(scratch, { recursive: true, force: true });
}

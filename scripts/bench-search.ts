// npm run bench:search [-- --json] [-- --size N]: index build time, heap, latency and recall@5 of four engines over a generated corpus.
import fs from "node:fs";
import path from "node:path";

import { getContentLibrary } from "../lib/content/library";
import { BENCH_ENGINES } from "../lib/search/bench/engines";
import { measureRankingQuality, percentile, type BenchQuery } from "../lib/search/bench/measure";
import { generateSyntheticCorpus } from "../lib/search/bench/synthetic-corpus";
import { toCaseDocument } from "../lib/search/documents";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const sizeArg = args.indexOf("--size");
const corpusSize = sizeArg >= 0 ? Number(args[sizeArg + 1]) : 10_000;
const TIMED_RUNS = 5;
const SLOW_ENGINE_MS = 20;

const queries: BenchQuery[] = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../test/search/queries.json"), "utf8")).queries;
const real = getContentLibrary().cases.map(toCaseDocument);
const corpus = generateSyntheticCorpus(real, corpusSize);
const originById = new Map(corpus.map((doc) => [doc.id, doc.originId]));
const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

const engines = [];
for (const engine of BENCH_ENGINES) {
  if (!asJson) process.stderr.write(`${engine.name}: building over ${corpus.length} cases...\n`);
  const heapBefore = heapUsed();
  const started = performance.now();
  let search: ((query: string, limit: number) => string[]) | undefined = engine.build(corpus);
  const indexMs = performance.now() - started;
  const heapMB = (heapUsed() - heapBefore) / 2 ** 20;

  const firstRun: number[] = [];
  const results = queries.map(({ query }) => {
    const t = performance.now();
    const ids = search!(query, 5);
    firstRun.push(performance.now() - t);
    return ids;
  });
  // Engines slower than SLOW_ENGINE_MS per query are timed on the first run only, to keep the run short.
  const samples = percentile(firstRun, 50) > SLOW_ENGINE_MS ? firstRun : [];
  for (let run = 0; samples.length === 0 || run < TIMED_RUNS - 1; run++) {
    if (samples === firstRun) break;
    for (const { query } of queries) {
      const t = performance.now();
      search(query, 5);
      samples.push(performance.now() - t);
    }
  }
  search = undefined;
  const quality = measureRankingQuality(queries, results, (id) => originById.get(id) ?? id);
  engines.push({
    name: engine.name,
    indexMs: round(indexMs, 0),
    heapMB: round(heapMB, 1),
    p50Ms: round(percentile(samples, 50), 3),
    p95Ms: round(percentile(samples, 95), 3),
    recallAt5: round(quality.recallAt5, 3),
    mrr: round(quality.mrr, 3),
    recallAt5ByKind: Object.fromEntries(Object.entries(quality.recallAt5ByKind).map(([kind, value]) => [kind, round(value, 2)])),
    setup: engine.setup,
  });
}

if (asJson) {
  console.log(JSON.stringify({ corpusSize: corpus.length, queries: queries.length, engines }, null, 2));
} else {
  console.log(`\nCorpus: ${corpus.length} cases generated from ${real.length} real ones; ${queries.length} queries; heap ${gc ? "after gc" : "without gc (run with --expose-gc)"}.\n`);
  const header = ["engine", "index ms", "heap MB", "p50 ms", "p95 ms", "recall@5", "MRR"];
  const rows = engines.map((e) => [e.name, e.indexMs, e.heapMB, e.p50Ms, e.p95Ms, e.recallAt5, e.mrr].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, widths.map((w) => "-".repeat(w)), ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
  console.log("\nrecall@5 by query kind:");
  for (const e of engines) console.log(`  ${e.name.padEnd(10)} ${Object.entries(e.recallAt5ByKind).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log("\nSetups:");
  for (const e of engines) console.log(`  ${e.name.padEnd(10)} ${e.setup}`);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

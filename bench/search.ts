// npm run bench:search [-- --json] [-- --full] [-- --size N]: index build time, heap, query latency and
// recall@5 of our search, plain fuse.js, MiniSearch and FlexSearch over a generated corpus of cases.
import fs from "node:fs";
import path from "node:path";

import { getContentLibrary } from "../lib/content/library";
import { toCaseDocument } from "../lib/search/documents";
import { BENCH_ENGINES } from "./lib/search-engines";
import { measureRankingQuality, percentile, type BenchQuery } from "./lib/search-measure";
import { generateSyntheticCorpus } from "./lib/synthetic-corpus";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const full = args.includes("--full");
const sizeAt = args.indexOf("--size");
const corpusSize = sizeAt >= 0 ? Number(args[sizeAt + 1]) : 10_000;
/** Timed passes over the query set after the first (which gives the results), fewer for a slow engine. */
const TIMED_PASSES = 5;
const TIMING_BUDGET_MS = 30_000;
/**
 * Plain fuse.js scans every field of every case with bitap and takes seconds per query at 10,000
 * cases, so without --full it answers every FUSE_STRIDE-th query only, once; the other engines'
 * recall on that same sample is printed beside it.
 */
const FUSE_STRIDE = 13;

const queries: BenchQuery[] = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../test/search/queries.json"), "utf8")).queries;
const real = getContentLibrary().cases.map(toCaseDocument);
const corpus = generateSyntheticCorpus(real, corpusSize);
const originById = new Map(corpus.map((doc) => [doc.id, doc.originId]));
const originOf = (id: string) => originById.get(id) ?? id;
const sampleIndexes = queries.map((_, i) => i).filter((i) => full || i % FUSE_STRIDE === 0);
const gc = (globalThis as { gc?: () => void }).gc;
const heapUsed = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const log = (line: string) => asJson || process.stderr.write(`${line}\n`);

const engines = [];
const sampleRecall: Record<string, number> = {};
for (const engine of BENCH_ENGINES) {
  const measured = engine.name === "fuse.js" ? sampleIndexes.map((i) => queries[i]) : queries;
  log(`${engine.name}: indexing ${corpus.length} cases, then ${measured.length} queries...`);
  const heapBefore = heapUsed();
  const started = performance.now();
  const search = engine.build(corpus);
  const indexMs = performance.now() - started;
  const heapMB = (heapUsed() - heapBefore) / 2 ** 20;

  const samples: number[] = [];
  const timed = (query: string) => {
    const t = performance.now();
    const ids = search(query, 5);
    samples.push(performance.now() - t);
    return ids;
  };
  const results = measured.map(({ query }) => timed(query));
  if (engine.name === "fuse.js") {
    sampleRecall[engine.name] = measureRankingQuality(measured, results, originOf).recallAt5;
  } else {
    samples.length = 0; // the first pass warmed up the JIT
    const timingStarted = performance.now();
    for (let pass = 0; pass < TIMED_PASSES && (pass === 0 || performance.now() - timingStarted < TIMING_BUDGET_MS); pass++) {
      for (const { query } of measured) timed(query);
    }
    sampleRecall[engine.name] = measureRankingQuality(
      sampleIndexes.map((i) => queries[i]),
      sampleIndexes.map((i) => results[i]),
      originOf,
    ).recallAt5;
  }
  const quality = measureRankingQuality(measured, results, originOf);
  engines.push({
    name: engine.name,
    indexMs: round(indexMs, 0),
    heapMB: round(heapMB, 1),
    p50Ms: round(percentile(samples, 50), 3),
    p95Ms: round(percentile(samples, 95), 3),
    recallAt5: round(quality.recallAt5, 3),
    mrr: round(quality.mrr, 3),
    queries: measured.length,
    recallAt5ByKind: Object.fromEntries(Object.entries(quality.recallAt5ByKind).map(([kind, value]) => [kind, round(value, 2)])),
    setup: engine.setup,
  });
}

const sample = { queries: sampleIndexes.length, recallAt5: Object.fromEntries(Object.entries(sampleRecall).map(([name, value]) => [name, round(value, 3)])) };
if (asJson) {
  console.log(JSON.stringify({ corpusSize: corpus.length, queries: queries.length, engines, fuseSample: sample }, null, 2));
} else {
  console.log(
    `\nCorpus: ${corpus.length} cases generated from ${real.length} real ones. Queries: ${queries.length}. Heap ${gc ? "measured after gc" : "without gc (run node with --expose-gc)"}.\n`,
  );
  const header = ["engine", "index ms", "heap MB", "p50 ms", "p95 ms", "recall@5", "MRR", "queries"];
  const rows = engines.map((e) => [e.name, e.indexMs, e.heapMB, e.p50Ms, e.p95Ms, e.recallAt5, e.mrr, e.queries].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, widths.map((w) => "-".repeat(w)), ...rows])
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
  console.log(
    `\nrecall@5 on the ${sample.queries} queries fuse.js answered: ${Object.entries(sample.recallAt5)
      .map(([name, value]) => `${name} ${value}`)
      .join(", ")}`,
  );
  console.log("\nrecall@5 by query kind:");
  for (const e of engines)
    console.log(
      `  ${e.name.padEnd(10)} ${Object.entries(e.recallAt5ByKind)
        .map(([kind, value]) => `${kind} ${value}`)
        .join(", ")}`,
    );
  console.log("\nSetups:");
  for (const e of engines) console.log(`  ${e.name.padEnd(10)} ${e.setup}`);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

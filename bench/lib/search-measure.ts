/** One query of the query set (test/search/queries.json). */
export type BenchQuery = { query: string; expected: string[]; kind: string };

export type RankingQuality = { recallAt5: number; mrr: number; recallAt5ByKind: Record<string, number> };

/**
 * Recall@5 (share of queries with an expected case in the top 5) and MRR (mean of 1/rank of the
 * first expected case, 0 when absent). `originOf` maps a result id to the real case it stands for,
 * so a generated copy of a case counts as that case.
 */
export function measureRankingQuality(queries: BenchQuery[], results: string[][], originOf: (id: string) => string = (id) => id): RankingQuality {
  let found = 0;
  let reciprocalRanks = 0;
  const byKind = new Map<string, { found: number; total: number }>();
  queries.forEach((query, q) => {
    const rank = results[q].findIndex((id) => query.expected.includes(originOf(id)));
    const hit = rank >= 0 && rank < 5;
    if (hit) found++;
    if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
    const kind = byKind.get(query.kind) ?? { found: 0, total: 0 };
    byKind.set(query.kind, { found: kind.found + (hit ? 1 : 0), total: kind.total + 1 });
  });
  const count = Math.max(1, queries.length);
  return {
    recallAt5: found / count,
    mrr: reciprocalRanks / count,
    recallAt5ByKind: Object.fromEntries([...byKind].map(([kind, { found: f, total }]) => [kind, f / total])),
  };
}

/** The p-th percentile (0..100) of samples, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

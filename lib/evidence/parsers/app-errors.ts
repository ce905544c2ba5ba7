import { splitLines } from "../lines";
import { makeSignal, type OutputParser, type Signal } from "../signal";
import type { SignalId } from "../vocabulary";

const ID = "app-errors";

/**
 * What applications print when a pool they wait on is exhausted: database and HTTP-client
 * connection pools, worker threads, executors. The network answers; the process cannot.
 */
const POOL_EXHAUSTED = new RegExp(
  [
    String.raw`Connection is not available, request timed out after`, // HikariCP
    String.raw`Timeout waiting for (?:idle object|connection from pool)`, // commons-pool, Apache HttpClient
    String.raw`Cannot get a connection, pool error`, // DBCP
    String.raw`Could not get a resource from the pool`, // Jedis
    String.raw`ConnectionPoolTimeoutException`,
    String.raw`Timeout acquiring a connection`, // Knex
    String.raw`QueuePool limit of size \d+ overflow \d+ reached`, // SQLAlchemy
    String.raw`All threads \(\d+\) are currently busy`, // Tomcat
    String.raw`RejectedExecutionException`,
    String.raw`\bpool (?:is )?(?:exhausted|full)\b`,
    String.raw`\bno (?:available|idle|free) (?:connections?|workers?|threads?)\b`,
    String.raw`\bevent loop (?:was |is )?(?:blocked|stalled)\b`,
    String.raw`连接池(?:已满|耗尽|满了)|线程池(?:已满|耗尽|满了)`,
  ].join("|"),
  "i",
);

/** A shell, cron or exec that cannot find a program: bash, dash/busybox sh, Go and container runtimes. */
const COMMAND_NOT_FOUND = /: command not found\b|^(?:\/bin\/)?(?:sh|bash|dash|ash): (?:\d+: )?[\w./-]+: not found\b|executable file not found in \$PATH|找不到命令|未找到命令/;

const FINDINGS: { id: SignalId; pattern: RegExp; detail: (count: number) => string }[] = [
  { id: "app-pool-exhausted", pattern: POOL_EXHAUSTED, detail: (n) => `the application reports an exhausted pool or blocked workers (${n} line${n === 1 ? "" : "s"})` },
  { id: "command-not-found", pattern: COMMAND_NOT_FOUND, detail: () => "a script cannot find a command: its PATH or environment differs from an interactive shell's" },
];

const MAX_LINE = 1000;

export const appErrorsParser: OutputParser = {
  id: ID,
  title: "Application and shell errors (pool exhaustion, command not found)",
  produces: FINDINGS.map((f) => f.id),
  parse(text, source) {
    const first = new Map<SignalId, { line: string; lineNumber: number; count: number }>();
    splitLines(text).forEach((raw, index) => {
      const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
      for (const { id, pattern } of FINDINGS) {
        if (!pattern.test(line)) continue;
        const seen = first.get(id);
        if (seen) seen.count += 1;
        else first.set(id, { line: raw, lineNumber: index + 1, count: 1 });
      }
    });
    const signals: Signal[] = [];
    for (const { id, detail } of FINDINGS) {
      const seen = first.get(id);
      if (seen) signals.push(makeSignal(id, ID, seen.line, seen.lineNumber, source, { value: seen.count, detail: detail(seen.count) }));
    }
    return signals;
  },
};

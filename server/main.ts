// The production server (`npm start`, or `node .next/netriage/server.mjs -p PORT [-H HOST]` after a
// build): one worker process (worker.ts) per core, all on one port (node:cluster shares the listening
// socket). Workers keep no state another needs, so any of them can answer any request. A worker that
// dies is replaced. WEB_CONCURRENCY sets the number of workers.
import cluster from "node:cluster";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { createRunStoreDir } from "./page-store";

// As `next start` does: the production builds of React and Next.
(process.env as Record<string, string>).NODE_ENV = "production";

if (cluster.isPrimary) {
  const storeDir = createRunStoreDir();
  const workerEnv = storeDir ? { NETRIAGE_PAGE_STORE: storeDir } : {};
  const workers = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: process.argv.slice(2) });
  for (let i = 0; i < workers; i++) cluster.fork(workerEnv);

  let stopping = false;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork(workerEnv);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      const running = Object.values(cluster.workers ?? {});
      if (running.length === 0) process.exit(0);
      let left = running.length;
      for (const worker of running) {
        worker?.once("exit", () => --left === 0 && process.exit(0));
        worker?.process.kill(signal);
      }
    });
  }
} else {
  const { values } = parseArgs({
    options: { port: { type: "string", short: "p", default: process.env.PORT ?? "3000" }, hostname: { type: "string", short: "H" } },
  });
  process.title = "netriage-server";
  const { startWorker } = await import("./worker");
  await startWorker({ port: Number(values.port), hostname: values.hostname });
}

// Serves the built app: one worker (scripts/serve-worker.mjs) per core, all on one port (node:cluster
// shares the listening socket). Workers keep no state another needs, so any of them can answer any
// request. A worker that dies is replaced. WEB_CONCURRENCY sets the number of workers.
import cluster from "node:cluster";
import os from "node:os";
import { fileURLToPath } from "node:url";

const workers = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
// As `next start` does: the production builds of React and Next.
process.env.NODE_ENV = "production";

cluster.setupPrimary({ exec: fileURLToPath(new URL("./serve-worker.mjs", import.meta.url)), args: process.argv.slice(2) });
for (let i = 0; i < workers; i++) cluster.fork();

let stopping = false;
cluster.on("exit", (worker, code, signal) => {
  if (stopping) return;
  console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
  cluster.fork();
});
for (const signal of ["SIGINT", "SIGTERM"]) {
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

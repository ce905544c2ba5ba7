import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

import { migrateDatabase } from "../../lib/db-apply-migrations";

export const ROOT = path.join(import.meta.dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export function runOrThrow(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with ${result.status}`);
}

/** Applies migrations to the database at `url` (and turns on WAL for SQLite), as `npm start` does. */
export async function migrate(url: string): Promise<void> {
  await migrateDatabase(url, ROOT);
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not become healthy within 60 s");
}

export type RunningServer = { url: string; process: ChildProcess };

/** Starts the built app as `npm start` serves it (server/main.ts, bundled) on 127.0.0.1 (in its own process group) and waits until healthy. */
export async function startServer(env: NodeJS.ProcessEnv, port?: number): Promise<RunningServer> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, [path.join(ROOT, ".next/netriage/server.mjs"), "-H", "127.0.0.1", "-p", String(chosen)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${chosen}`;
  await waitForHealth(url, child);
  return { url, process: child };
}

/** Kills the server's whole process group with the given signal and waits for it to exit. */
export async function stopServer(server: RunningServer, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (server.process.exitCode !== null || !server.process.pid) return;
  const exited = new Promise((resolve) => server.process.once("exit", resolve));
  process.kill(-server.process.pid, signal);
  await exited;
}

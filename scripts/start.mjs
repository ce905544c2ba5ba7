// npm start: apply pending migrations to the database, build, then serve on $PORT (default 3000).
import { spawnSync } from "node:child_process";
import fs from "node:fs";

import Database from "better-sqlite3";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.DATABASE_URL ??= "file:./data/netriage.db";
if (env.DATABASE_URL.startsWith("file:./data/")) fs.mkdirSync("data", { recursive: true });

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

run("npx", ["prisma", "migrate", "deploy"]);
if (env.DATABASE_URL.startsWith("file:")) {
  // WAL survives in the database file: readers never block the writer, and a crash loses no committed save.
  const db = new Database(env.DATABASE_URL.slice("file:".length));
  db.pragma("journal_mode = WAL");
  db.close();
}
run("npm", ["run", "--silent", "build"]);
run("node", ["scripts/serve.mjs", "-p", env.PORT ?? "3000", ...(env.HOST ? ["-H", env.HOST] : [])]);

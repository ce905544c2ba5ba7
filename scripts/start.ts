// npm start: apply pending migrations to the database (SQLite file or PostgreSQL), build when the
// checkout differs from the last build (server/build-stamp.ts), then serve on $PORT (default 3000)
// with one worker per core.
import { spawnSync } from "node:child_process";

import { migrateDatabase } from "../lib/db-apply-migrations";
import { readEnv } from "../lib/env";
import { SERVER_DIR, whyRebuild } from "../server/build-stamp";

const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const applied = await migrateDatabase(readEnv().DATABASE_URL);
if (applied.length > 0) console.log(`applied ${applied.length} migration(s): ${applied.join(", ")}`);
const reason = whyRebuild();
if (reason) {
  console.log(`building: ${reason}`);
  run("npm", ["run", "--silent", "build"]);
} else {
  console.log("build is up to date");
}
run(process.execPath, [`${SERVER_DIR}/server.mjs`, "-p", env.PORT ?? "3000", ...(env.HOST ? ["-H", env.HOST] : [])]);

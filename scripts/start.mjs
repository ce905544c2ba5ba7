// npm start: apply pending migrations to the database (SQLite file or PostgreSQL), build, then
// serve on $PORT (default 3000) with one worker per core.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

run("npm", ["run", "--silent", "db:migrate"]);
run("npm", ["run", "--silent", "build"]);
run("node", ["scripts/serve.mjs", "-p", env.PORT ?? "3000", ...(env.HOST ? ["-H", env.HOST] : [])]);

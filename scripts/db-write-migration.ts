// npm run db:migration -- NAME: after editing prisma/schema.prisma, writes the migration for both
// dialects (prisma/migrations/STAMP_NAME and prisma/postgres/migrations/STAMP_NAME) and regenerates
// prisma/postgres/schema.prisma. prisma/postgres/schema.prisma doubles as the record of the schema
// that the last migration produced, so each migration is the diff from it to the edited schema.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { MIGRATION_DIRS, SCHEMA_FILES, schemaForDialect } from "../lib/db-schema";
import type { DatabaseDialect } from "../lib/db-url";

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error("usage: npm run db:migration -- NAME   (lower case, digits and _)");
  process.exit(2);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-migration-"));
const edited = fs.readFileSync(SCHEMA_FILES.sqlite, "utf8");
const previous = fs.readFileSync(SCHEMA_FILES.postgresql, "utf8");

function diff(dialect: DatabaseDialect): string {
  const from = path.join(scratch, `from-${dialect}.prisma`);
  const to = path.join(scratch, `to-${dialect}.prisma`);
  fs.writeFileSync(from, schemaForDialect(previous, dialect));
  fs.writeFileSync(to, schemaForDialect(edited, dialect));
  // The CLI opens prisma.config.ts's adapter even for a diff of files: give it a scratch database.
  const env = { ...process.env, DATABASE_URL: `file:${path.join(scratch, "cli.db")}` };
  const result = spawnSync("npx", ["prisma", "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], {
    encoding: "utf8",
    env,
  });
  if (result.status !== 0) throw new Error(`prisma migrate diff (${dialect}) failed:\n${result.stderr}`);
  return result.stdout;
}

const scripts = { sqlite: diff("sqlite"), postgresql: diff("postgresql") };
fs.rmSync(scratch, { recursive: true, force: true });
if (Object.values(scripts).every((sql) => sql.includes("-- This is an empty migration."))) {
  console.log("prisma/schema.prisma has no change since the last migration.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const dialect of ["sqlite", "postgresql"] as const) {
  const dir = path.join(MIGRATION_DIRS[dialect], `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), scripts[dialect]);
  console.log(`wrote ${dir}/migration.sql`);
}
fs.writeFileSync(SCHEMA_FILES.postgresql, schemaForDialect(edited, "postgresql"));
console.log(`wrote ${SCHEMA_FILES.postgresql}; run npm run postinstall to regenerate both clients`);

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";

const MIGRATIONS_DIR = path.join(import.meta.dirname, "../../prisma/migrations");

export const migrationNames = () =>
  fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((name) => fs.statSync(path.join(MIGRATIONS_DIR, name)).isDirectory())
    .sort();

/** A fresh SQLite file with every migration applied and recorded, as `prisma migrate deploy` leaves it. */
export function createMigratedDatabase(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "netriage-db-")), "test.db");
  const db = new Database(file);
  db.exec(`CREATE TABLE _prisma_migrations (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, finished_at DATETIME,
    migration_name TEXT NOT NULL, logs TEXT, rolled_back_at DATETIME, started_at DATETIME NOT NULL DEFAULT current_timestamp,
    applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
  for (const name of migrationNames()) {
    db.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
    db.prepare("INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, '', current_timestamp, ?, 1)").run(name, name);
  }
  db.close();
  return file;
}

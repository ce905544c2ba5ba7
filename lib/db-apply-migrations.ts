// Applies the pending migrations of the database's dialect, each in one transaction, and records
// them in _prisma_migrations exactly as `prisma migrate deploy` does (so the Prisma CLI agrees
// about what is applied). Ours rather than the CLI's because the CLI cannot migrate PostgreSQL
// through the JS engine's pg adapter reliably (stack notes) and takes seconds to start.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import { MIGRATION_DIRS } from "./db-schema";
import { databaseDialect, type DatabaseDialect } from "./db-url";

export type Migration = { name: string; sql: string; checksum: string };

/** The migrations of a dialect, oldest first. */
export function readMigrations(dialect: DatabaseDialect, root = process.cwd()): Migration[] {
  const dir = path.join(root, MIGRATION_DIRS[dialect]);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const HISTORY_TABLE: Record<DatabaseDialect, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

const APPLIED = `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/** Pending migrations in order; throws when the database has one this app does not know (it is newer). */
function pending(migrations: Migration[], applied: Set<string>): Migration[] {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...applied].filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`database has migrations this version does not know (${unknown.join(", ")}): run a newer Netriage`);
  return migrations.filter((m) => !applied.has(m.name));
}

const now = () => new Date().toISOString().replace("Z", "+00:00");

function migrateSqlite(file: string, migrations: Migration[]): string[] {
  const db = new Database(file);
  try {
    // WAL survives in the file: readers never block the writer, and a crash loses no committed save.
    db.pragma("journal_mode = WAL");
    db.exec(HISTORY_TABLE.sqlite);
    const todo = pending(
      migrations,
      new Set(
        db
          .prepare<[], { name: string }>(APPLIED)
          .all()
          .map((r) => r.name),
      ),
    );
    // Table rebuilds drop the old table: with foreign keys on, that would cascade-delete child rows.
    db.pragma("foreign_keys = OFF");
    const record = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
    );
    for (const migration of todo) {
      db.transaction(() => {
        const startedAt = now();
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`migration ${migration.name} leaves ${broken.length} rows with a broken foreign key`);
        record.run(randomUUID(), migration.checksum, now(), migration.name, startedAt);
      })();
    }
    db.pragma("foreign_keys = ON");
    return todo.map((m) => m.name);
  } finally {
    db.close();
  }
}

// Prisma's own migration lock id: a `prisma migrate deploy` and this never run at once.
const ADVISORY_LOCK = 72707369;

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Several instances may start together: one migrates, the others wait and then find nothing to do.
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK]);
    await client.query(HISTORY_TABLE.postgresql);
    const todo = pending(migrations, new Set((await client.query<{ name: string }>(APPLIED)).rows.map((r) => r.name)));
    for (const migration of todo) {
      const startedAt = now();
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** Brings the database at `url` up to date; returns the names of the migrations it applied. */
export async function migrateDatabase(url: string, root = process.cwd()): Promise<string[]> {
  const dialect = databaseDialect(url);
  const migrations = readMigrations(dialect, root);
  if (dialect === "postgresql") return migratePostgres(url, migrations);
  const file = url.slice("file:".length);
  fs.mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true });
  return migrateSqlite(path.resolve(root, file), migrations);
}

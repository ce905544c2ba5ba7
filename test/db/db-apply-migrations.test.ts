import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";

import { migrateDatabase, readMigrations } from "@/lib/db-apply-migrations";
import { MIGRATION_DIRS, SCHEMA_FILES, schemaForDialect } from "@/lib/db-schema";
import type { DatabaseDialect } from "@/lib/db-url";
import { backends, createEmptyDatabase, ROOT } from "@/test/db/databases";

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** Tables, columns (type, nullability, default), indexes and foreign keys, in a comparable form. */
async function describeDatabase(url: string): Promise<string[]> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { readonly: true });
    try {
      const tables = db
        .prepare<[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name`,
        )
        .all();
      return tables
        .flatMap(({ name }) => [
          ...(db.pragma(`table_info("${name}")`) as object[]).map((c) => `${name} column ${JSON.stringify(c)}`),
          ...(db.pragma(`index_list("${name}")`) as { name: string; unique: number }[]).map(
            (i) => `${name} index ${i.name} ${i.unique} ${JSON.stringify(db.pragma(`index_info("${i.name}")`))}`,
          ),
          ...(db.pragma(`foreign_key_list("${name}")`) as object[]).map((f) => `${name} fk ${JSON.stringify({ ...f, id: undefined, seq: undefined })}`),
        ])
        .sort();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name != '_prisma_migrations'`,
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename != '_prisma_migrations'`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text != '_prisma_migrations'`,
    );
    return [...columns.rows, ...indexes.rows, ...constraints.rows].map((row) => JSON.stringify(row)).sort();
  } finally {
    await client.end();
  }
}

async function runScript(url: string, sql: string): Promise<void> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length));
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** The SQL that creates the dialect's schema from nothing, straight from the Prisma schema file. */
function createFromSchema(dialect: DatabaseDialect): string {
  // The CLI opens prisma.config.ts's adapter even for a diff of files: give it a scratch database.
  const scratch = `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "netriage-diff-")), "cli.db")}`;
  const result = spawnSync("npx", ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", SCHEMA_FILES[dialect], "--script"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: scratch },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

describe("schemas and migration histories", () => {
  it("keeps the PostgreSQL schema generated from the SQLite one (run npm run db:migration after a schema change)", () => {
    expect(read(SCHEMA_FILES.postgresql)).toBe(schemaForDialect(read(SCHEMA_FILES.sqlite), "postgresql"));
  });

  it("has the same migrations, by name, for both dialects", () => {
    expect(readMigrations("postgresql", ROOT).map((m) => m.name)).toEqual(readMigrations("sqlite", ROOT).map((m) => m.name));
  });

  it.each(backends)("builds on %s exactly the schema that the Prisma schema describes", async (dialect) => {
    const migrated = await createEmptyDatabase(dialect);
    await migrateDatabase(migrated, ROOT);
    const fromSchema = await createEmptyDatabase(dialect);
    await runScript(fromSchema, createFromSchema(dialect));
    const described = await describeDatabase(migrated);
    expect(described.filter((line) => line.includes("TriageSession")).length).toBeGreaterThan(15);
    expect(described).toEqual(await describeDatabase(fromSchema));
  });

  it.each(backends)("applies each migration once on %s, recorded as prisma migrate deploy records it", async (dialect) => {
    const url = await createEmptyDatabase(dialect);
    const all = readMigrations(dialect, ROOT);
    expect(await migrateDatabase(url, ROOT)).toEqual(all.map((m) => m.name));
    expect(await migrateDatabase(url, ROOT)).toEqual([]);
  });
});

describe("migrating a database in use", () => {
  it("keeps existing rows when a later migration rebuilds their tables (SQLite)", async () => {
    // A copy of the app root holding only the first three migrations: the database of an older version.
    const older = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-old-"));
    for (const migration of readMigrations("sqlite", ROOT).slice(0, 3)) {
      fs.mkdirSync(path.join(older, MIGRATION_DIRS.sqlite, migration.name), { recursive: true });
      fs.writeFileSync(path.join(older, MIGRATION_DIRS.sqlite, migration.name, "migration.sql"), migration.sql);
    }
    const url = await createEmptyDatabase("sqlite");
    await migrateDatabase(url, older);
    const db = new Database(url.slice("file:".length));
    db.exec(`INSERT INTO Learner (id, name, nameKey) VALUES ('l1', 'Ada', 'ada');
      INSERT INTO TrainingAttempt (id, learnerId, exerciseId, kind, caseId, rootCause, correct, durationMs, answer) VALUES ('a1', 'l1', 't-1', 'ticket', 'c', 'r', 1, 5, '{}');
      INSERT INTO TriageSession (id, title, description, updatedAt) VALUES ('s1', 'DNS', 'DNS fails', 0)`);
    db.close();

    expect(await migrateDatabase(url, ROOT)).toHaveLength(readMigrations("sqlite", ROOT).length - 3);
    const after = new Database(url.slice("file:".length), { readonly: true });
    expect(after.prepare("SELECT id FROM TrainingAttempt").all()).toEqual([{ id: "a1" }]);
    expect(after.prepare("SELECT id, title, shared FROM TriageSession").all()).toEqual([{ id: "s1", title: "DNS", shared: 0 }]);
    after.close();
  });

  it.skipIf(!backends.includes("postgresql"))("lets several instances start at once on PostgreSQL: one migrates, the others find nothing to do", async () => {
    const url = await createEmptyDatabase("postgresql");
    const results = await Promise.all([migrateDatabase(url, ROOT), migrateDatabase(url, ROOT), migrateDatabase(url, ROOT)]);
    expect(results.flat().sort()).toEqual(
      readMigrations("postgresql", ROOT)
        .map((m) => m.name)
        .sort(),
    );
  });

  it("refuses a database migrated by a newer version", async () => {
    const url = await createEmptyDatabase("sqlite");
    await migrateDatabase(url, ROOT);
    const db = new Database(url.slice("file:".length));
    db.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('x', '', current_timestamp, '29990101000000_future', 1)`,
    ).run();
    db.close();
    await expect(migrateDatabase(url, ROOT)).rejects.toThrow(/29990101000000_future.*newer Netriage/);
  });
});

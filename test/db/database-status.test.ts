import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";

import { createPrisma, getDatabaseStatus } from "@/lib/db";

const MIGRATIONS_DIR = path.join(import.meta.dirname, "../../prisma/migrations");

/** A fresh SQLite file with every migration applied and recorded, as `prisma migrate deploy` leaves it. */
function createMigratedDatabase(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "netriage-db-")), "test.db");
  const db = new Database(file);
  db.exec(`CREATE TABLE _prisma_migrations (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, finished_at DATETIME,
    migration_name TEXT NOT NULL, logs TEXT, rolled_back_at DATETIME, started_at DATETIME NOT NULL DEFAULT current_timestamp,
    applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
  const names = fs.readdirSync(MIGRATIONS_DIR).filter((name) => fs.statSync(path.join(MIGRATIONS_DIR, name)).isDirectory()).sort();
  for (const name of names) {
    db.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
    db.prepare("INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, '', current_timestamp, ?, 1)").run(name, name);
  }
  db.close();
  return file;
}

describe("getDatabaseStatus", () => {
  const clients: ReturnType<typeof createPrisma>[] = [];
  const connect = (url: string) => {
    const client = createPrisma(url);
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.$disconnect()));
  });

  it("reports a migrated database as reachable with its migrations", async () => {
    const status = await getDatabaseStatus(connect(`file:${createMigratedDatabase()}`));
    expect(status).toEqual({ reachable: true, migrationsApplied: fs.readdirSync(MIGRATIONS_DIR).filter((n) => !n.endsWith(".toml")).length });
  });

  it("reports an empty database as reachable with no migrations", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "netriage-db-")), "empty.db");
    expect(await getDatabaseStatus(connect(`file:${file}`))).toEqual({ reachable: true, migrationsApplied: 0 });
  });

  it("reports a database that cannot be opened as unreachable", async () => {
    expect(await getDatabaseStatus(connect("file:/nonexistent-dir/netriage.db"))).toEqual({ reachable: false, migrationsApplied: 0 });
  });
});

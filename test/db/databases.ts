// Every database test runs on each backend: the embedded SQLite file always, and PostgreSQL when
// TEST_POSTGRES_URL names a server (`eval "$(.ci/postgres.sh)"` starts one; CI always does).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { closePrisma, createPrisma } from "@/lib/db";
import { migrateDatabase } from "@/lib/db-apply-migrations";
import type { DatabaseDialect } from "@/lib/db-url";

export const ROOT = path.join(import.meta.dirname, "../..");
const postgresUrl = process.env.TEST_POSTGRES_URL;

if (process.env.CI && !postgresUrl) throw new Error("CI must run the database tests on PostgreSQL too: set TEST_POSTGRES_URL (.ci/postgres.sh)");

/** The backends to run database tests on, for describe.each. */
export const backends: DatabaseDialect[] = postgresUrl ? ["sqlite", "postgresql"] : ["sqlite"];
if (!postgresUrl) console.warn("TEST_POSTGRES_URL is not set: database tests run on SQLite only");

/** A new, empty database of the dialect, not migrated. */
export async function createEmptyDatabase(dialect: DatabaseDialect): Promise<string> {
  if (dialect === "sqlite") return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "netriage-db-")), "test.db")}`;
  if (!postgresUrl) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `netriage_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database of the dialect with every migration applied, as `npm start` leaves it. */
export async function createMigratedDatabase(dialect: DatabaseDialect): Promise<string> {
  const url = await createEmptyDatabase(dialect);
  await migrateDatabase(url, ROOT);
  return url;
}

/** A Prisma client on a new migrated database of the dialect. */
export async function createTestPrisma(dialect: DatabaseDialect) {
  return createPrisma(await createMigratedDatabase(dialect));
}

/** Points the app's shared client (getPrisma, which route handlers use) at a new migrated database. */
export async function useAppDatabase(dialect: DatabaseDialect): Promise<string> {
  await closePrisma();
  process.env.DATABASE_URL = await createMigratedDatabase(dialect);
  return process.env.DATABASE_URL;
}

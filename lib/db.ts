import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient as PostgresPrismaClient } from "@/generated/postgres/client";
import { PrismaClient } from "@/generated/prisma/client";

import { BUSY_DEADLINE_MS, createSqliteAdapter, createSqliteStatements, type SqliteStatements } from "./db-sqlite";
import { databaseDialect } from "./db-url";
import { readEnv } from "./env";

/**
 * A client for the database at `url`: PostgreSQL for a postgres:// URL, the embedded SQLite file
 * otherwise. Both clients are generated from one schema (lib/db-schema.ts), so they have the same
 * models and queries; the app codes against one of the two types.
 */
export function createPrisma(url = readEnv().DATABASE_URL): PrismaClient {
  if (databaseDialect(url) === "postgresql") {
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  }
  // A transaction may wait its turn in the process's queue (lib/db-sqlite.ts) as long as a statement may.
  const client = new PrismaClient({ adapter: createSqliteAdapter(url), transactionOptions: { maxWait: BUSY_DEADLINE_MS } });
  return Object.assign(client, { [SQLITE_STATEMENTS]: createSqliteStatements(url) });
}

// On the client itself, under a global symbol: the fast lane's bundle has its own copy of this
// module but shares the process's client (getPrisma).
const SQLITE_STATEMENTS = Symbol.for("netriage.sqliteStatements");

/**
 * For the hot save path: statements run directly on the client's SQLite file (in its queue);
 * undefined for PostgreSQL. Throws for a SQLite client that createPrisma did not make.
 */
export function sqliteStatementsOf(prisma: PrismaClient): SqliteStatements | undefined {
  const statements = (prisma as unknown as { [SQLITE_STATEMENTS]?: SqliteStatements })[SQLITE_STATEMENTS];
  if (!statements && (prisma as unknown as { _activeProvider?: string })._activeProvider !== "postgresql")
    throw new Error("a SQLite client for the save path must come from createPrisma()");
  return statements;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** One client per process (survives dev hot reloads). */
export function getPrisma(): PrismaClient {
  globalForPrisma.prisma ??= createPrisma();
  return globalForPrisma.prisma;
}

/** Disconnects and forgets the shared client; the next getPrisma() opens DATABASE_URL afresh. */
export async function closePrisma(): Promise<void> {
  const client = globalForPrisma.prisma;
  globalForPrisma.prisma = undefined;
  if (client) (client as unknown as { [SQLITE_STATEMENTS]?: SqliteStatements })[SQLITE_STATEMENTS]?.close();
  await client?.$disconnect();
}

export type DatabaseStatus = { reachable: boolean; migrationsApplied: number };

/** Whether the database answers, and how many migrations it has applied. Never throws. */
export async function getDatabaseStatus(prisma: PrismaClient = getPrisma()): Promise<DatabaseStatus> {
  try {
    await prisma.$queryRaw`SELECT 1`;
  } catch {
    return { reachable: false, migrationsApplied: 0 };
  }
  try {
    const rows = await prisma.$queryRaw<{ applied: number | bigint }[]>`
      SELECT COUNT(*) AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return { reachable: true, migrationsApplied: Number(rows[0]?.applied ?? 0) };
  } catch {
    return { reachable: true, migrationsApplied: 0 };
  }
}

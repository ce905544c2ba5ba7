import { afterEach, describe, expect, it } from "vitest";

import { createPrisma, getDatabaseStatus } from "@/lib/db";
import { readMigrations } from "@/lib/db-apply-migrations";
import { backends, createEmptyDatabase, createMigratedDatabase, ROOT } from "@/test/db/databases";

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

  it.each(backends)("reports a migrated %s database as reachable with its migrations", async (dialect) => {
    const status = await getDatabaseStatus(connect(await createMigratedDatabase(dialect)));
    expect(status).toEqual({ reachable: true, migrationsApplied: readMigrations(dialect, ROOT).length });
  });

  it.each(backends)("reports an empty %s database as reachable with no migrations", async (dialect) => {
    expect(await getDatabaseStatus(connect(await createEmptyDatabase(dialect)))).toEqual({ reachable: true, migrationsApplied: 0 });
  });

  it("reports a database that cannot be opened as unreachable", async () => {
    expect(await getDatabaseStatus(connect("file:/nonexistent-dir/netriage.db"))).toEqual({ reachable: false, migrationsApplied: 0 });
  });
});

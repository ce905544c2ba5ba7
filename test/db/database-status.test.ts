import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { createPrisma, getDatabaseStatus } from "@/lib/db";

import { createMigratedDatabase, migrationNames } from "./migrated-database";

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
    expect(status).toEqual({ reachable: true, migrationsApplied: migrationNames().length });
  });

  it("reports an empty database as reachable with no migrations", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "netriage-db-")), "empty.db");
    expect(await getDatabaseStatus(connect(`file:${file}`))).toEqual({ reachable: true, migrationsApplied: 0 });
  });

  it("reports a database that cannot be opened as unreachable", async () => {
    expect(await getDatabaseStatus(connect("file:/nonexistent-dir/netriage.db"))).toEqual({ reachable: false, migrationsApplied: 0 });
  });
});

// The embedded database's connection rules (lib/db-sqlite.ts): one queue per file and process,
// write lock taken when a transaction begins, bounded waiting for another process's lock.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

import { createSqliteAdapter, createSqliteStatements } from "@/lib/db-sqlite";
import { errorToResponse } from "@/lib/http/errors";
import { PrismaClient } from "@/generated/prisma/client";
import { createMigratedDatabase } from "@/test/db/databases";

const fileOf = (url: string) => url.replace(/^file:/, "");

describe("the SQLite connection", () => {
  it("takes the write lock when a transaction begins, before its first statement", async () => {
    const url = await createMigratedDatabase("sqlite");
    const prisma = new PrismaClient({ adapter: createSqliteAdapter(url) });
    const otherProcess = new Database(fileOf(url), { timeout: 0 });
    let otherCouldWrite: boolean | undefined;
    await prisma.$transaction(async () => {
      try {
        otherProcess.prepare("BEGIN IMMEDIATE").run();
        otherProcess.prepare("ROLLBACK").run();
        otherCouldWrite = true;
      } catch (error) {
        expect((error as { code: string }).code).toBe("SQLITE_BUSY");
        otherCouldWrite = false;
      }
    });
    expect(otherCouldWrite).toBe(false);
    otherProcess.close();
    await prisma.$disconnect();
  });

  it("runs a statement issued during another request's transaction after it, not inside it", async () => {
    const url = await createMigratedDatabase("sqlite");
    const prisma = new PrismaClient({ adapter: createSqliteAdapter(url) });
    const order: string[] = [];
    let insideStarted!: () => void;
    const started = new Promise<void>((resolve) => (insideStarted = resolve));
    const failing = prisma.$transaction(async (tx) => {
      await tx.learner.create({ data: { name: "rolled back", nameKey: "rolled back" } });
      insideStarted();
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push("transaction fails");
      throw new Error("fails");
    });
    await started;
    const acknowledged = prisma.learner.create({ data: { name: "kept", nameKey: "kept" } }).then(() => order.push("write acknowledged"));
    await expect(failing).rejects.toThrow("fails");
    await acknowledged;
    expect(order).toEqual(["transaction fails", "write acknowledged"]);
    expect((await prisma.learner.findMany()).map((l) => l.name)).toEqual(["kept"]);
    await prisma.$disconnect();
  });

  it("queues the direct statements of the save path with the adapter's, one queue per file", async () => {
    const url = await createMigratedDatabase("sqlite");
    const prisma = new PrismaClient({ adapter: createSqliteAdapter(url) });
    const statements = createSqliteStatements(url);
    const order: string[] = [];
    let insideStarted!: () => void;
    const started = new Promise<void>((resolve) => (insideStarted = resolve));
    const failing = prisma.$transaction(async (tx) => {
      await tx.learner.create({ data: { name: "rolled back", nameKey: "rolled back" } });
      insideStarted();
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push("transaction fails");
      throw new Error("fails");
    });
    await started;
    const written = statements
      .write((run) =>
        run({ sql: `INSERT INTO "Learner" ("id", "name", "nameKey", "createdAt") VALUES (?, ?, ?, ?)`, values: ["l1", "kept", "kept", new Date()] }),
      )
      .then(() => order.push("direct write acknowledged"));
    await expect(failing).rejects.toThrow("fails");
    await written;
    expect(order).toEqual(["transaction fails", "direct write acknowledged"]);
    expect((await prisma.learner.findMany()).map((l) => [l.name, l.createdAt instanceof Date])).toEqual([["kept", true]]);
    expect(await statements.get<{ name: string }>({ sql: `SELECT "name" FROM "Learner" WHERE "id" = ?`, values: ["l1"] })).toEqual({ name: "kept" });
    statements.close();
    await prisma.$disconnect();
  });

  it("answers 503, not 500, when another process keeps the lock past the deadline", async () => {
    const url = await createMigratedDatabase("sqlite");
    const prisma = new PrismaClient({ adapter: createSqliteAdapter(url, { busyDeadlineMs: 200 }) });
    const otherProcess = new Database(fileOf(url));
    otherProcess.prepare("BEGIN IMMEDIATE").run();
    const failure = await prisma.learner.create({ data: { name: "late", nameKey: "late" } }).catch((error: unknown) => error);
    const transactionFailure = await prisma.$transaction(async (tx) => tx.learner.count()).catch((error: unknown) => error);
    const statements = createSqliteStatements(url, { busyDeadlineMs: 200 });
    const directFailure = await statements.write((run) => run({ sql: `DELETE FROM "Learner"`, values: [] })).catch((error: unknown) => error);
    statements.close();
    otherProcess.prepare("ROLLBACK").run();
    otherProcess.close();
    for (const error of [failure, transactionFailure, directFailure]) {
      const response = errorToResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect((await response.json()).error).toMatch(/database is busy/);
    }
    expect(await prisma.learner.count()).toBe(0);
    await prisma.$disconnect();
  });
});

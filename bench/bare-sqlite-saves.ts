// What the hardware does without the app: the statements of one session save (read the row, the
// conditional UPDATE and the audit INSERT under BEGIN IMMEDIATE, as lib/sessions/repository.ts runs
// them) in a loop on one better-sqlite3 connection, on a freshly migrated file in WAL mode. Printed
// by `npm run bench:load` beside the PUT /api/sessions/<id> row.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";

import { migrateDatabase } from "../lib/db-apply-migrations";

export type BareSaves = { savesPerSecond: number; p50: number; p99: number };

/** Saves `sessions` sessions in turn for `seconds`, each save the same rows the app writes; latency in ms. */
export async function measureBareSqliteSaves({ sessions = 500, seconds = 3, root = process.cwd() } = {}): Promise<BareSaves> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-bare-"));
  const file = path.join(scratch, "bare.db");
  try {
    await migrateDatabase(`file:${file}`, root);
    const db = new Database(file);
    const now = () => new Date().toISOString().replace("Z", "+00:00");
    const insertSession = db.prepare(`INSERT INTO "TriageSession" ("id", "title", "description", "updatedAt") VALUES (?, ?, ?, ?)`);
    const ids = Array.from({ length: sessions }, (_, i) => {
      const id = randomUUID();
      insertSession.run(id, `load ${i}`, `load ${i}`, now());
      return id;
    });
    const read = db.prepare(
      `SELECT s.*, c."email" AS "createdByEmail", u."email" AS "updatedByEmail" FROM "TriageSession" s LEFT JOIN "User" c ON c."id" = s."createdById" LEFT JOIN "User" u ON u."id" = s."updatedById" WHERE s."id" = ?`,
    );
    const update = db.prepare(
      `UPDATE "TriageSession" SET "version" = "version" + 1, "updatedAt" = ?, "updatedById" = ?, "answers" = ?, "notes" = ? WHERE "id" = ? AND "version" = ?`,
    );
    const audit = db.prepare(
      `INSERT INTO "SessionAuditEntry" ("id", "sessionId", "userId", "action", "fields", "version", "createdAt") SELECT ?, ?, ?, 'updated', ?, ?, ? WHERE changes() = 1`,
    );
    const save = db.transaction((id: string, n: number) => {
      const row = read.get(id) as { version: number };
      const at = now();
      update.run(at, null, JSON.stringify({ symptom: "dns" }), `save ${n}`, id, row.version);
      audit.run(randomUUID(), id, null, JSON.stringify(["notes"]), row.version + 1, at);
    });
    const latencies: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    for (let n = 0; performance.now() < deadline; n++) {
      const started = performance.now();
      save.immediate(ids[n % ids.length], n);
      latencies.push(performance.now() - started);
    }
    db.close();
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 100) / 100;
    return { savesPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

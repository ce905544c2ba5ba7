import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { migrate, startServer, stopServer } from "./server";

const SESSIONS = 16;

async function put(url: string, id: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/sessions/${id}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/**
 * Saves each session again and again (each writer naming the version its last save returned) until
 * `stop()` is true or the connection dies; returns the last acknowledged save of each and every refusal.
 */
async function saveBurst(url: string, start: Map<string, number>, stop: () => boolean) {
  const acknowledged = new Map<string, { version: number; notes: string }>();
  const refused: string[] = [];
  await Promise.all(
    [...start].map(async ([id, first]) => {
      let version = first;
      for (let n = 1; !stop(); n++) {
        const notes = `save ${n} of ${id} from version ${first}`;
        try {
          const response = await put(url, id, { version, notes, answers: { symptom: "dns" } });
          const body = await response.json();
          if (!response.ok) {
            refused.push(`${response.status} ${body.error}`);
            return;
          }
          version = body.version;
          acknowledged.set(id, { version, notes });
        } catch {
          return; // the connection died with the server
        }
      }
    }),
  );
  return { acknowledged, refused };
}

describe("durability of saved sessions", () => {
  it("keeps every acknowledged save when the server is killed (SIGKILL) mid-burst, and answers no 5xx after either start", async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-durability-"));
    const database = path.join(scratch, "durability.db");
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:${database}` };
    await migrate(`file:${database}`);
    const server = await startServer(env);

    const ids: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const response = await fetch(`${server.url}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ description: `ticket ${i}` }),
      });
      ids.push((await response.json()).id);
    }

    // Each session is saved again and again from the first moment; the last acknowledged version of each is recorded.
    let killed = false;
    const burst = saveBurst(server.url, new Map(ids.map((id) => [id, 1])), () => killed);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    killed = true;
    await stopServer(server, "SIGKILL");
    const { acknowledged, refused } = await burst;
    expect(refused).toEqual([]);
    expect(acknowledged.size).toBe(SESSIONS);

    const restarted = await startServer(env);
    try {
      const versions = new Map<string, number>();
      for (const [id, ack] of acknowledged) {
        const saved = await (await fetch(`${restarted.url}/api/sessions/${id}`)).json();
        expect(saved.version, id).toBeGreaterThanOrEqual(ack.version);
        if (saved.version === ack.version) expect(saved.notes).toBe(ack.notes);
        versions.set(id, saved.version);
      }
      // A burst on the freshly restarted server (the moments when SQLITE_BUSY used to surface as 500).
      let done = false;
      const again = saveBurst(restarted.url, versions, () => done);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      done = true;
      const { acknowledged: savedAgain, refused: refusedAgain } = await again;
      expect(refusedAgain).toEqual([]);
      expect(savedAgain.size).toBe(SESSIONS);
    } finally {
      await stopServer(restarted);
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});

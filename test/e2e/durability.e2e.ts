import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { migrate, startServer, stopServer } from "./server";

const SESSIONS = 8;

async function put(url: string, id: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/sessions/${id}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

describe("durability of saved sessions", () => {
  it("keeps every acknowledged save when the server is killed (SIGKILL) mid-burst", async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-durability-"));
    const database = path.join(scratch, "durability.db");
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:${database}` };
    await migrate(`file:${database}`);
    const server = await startServer(env);

    const ids: string[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const response = await fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ description: `ticket ${i}` }) });
      ids.push((await response.json()).id);
    }

    // Each session is saved again and again; the last acknowledged version of each is recorded.
    const acknowledged = new Map<string, { version: number; notes: string }>();
    const refused: string[] = [];
    let killed = false;
    const writers = ids.map(async (id) => {
      let version = 1;
      for (let n = 1; !killed; n++) {
        const notes = `save ${n} of ${id}`;
        try {
          const response = await put(server.url, id, { version, notes, answers: { symptom: "dns" } });
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
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    killed = true;
    await stopServer(server, "SIGKILL");
    await Promise.all(writers);
    expect(refused).toEqual([]);
    expect(acknowledged.size).toBe(SESSIONS);

    const restarted = await startServer(env);
    try {
      for (const [id, ack] of acknowledged) {
        const saved = await (await fetch(`${restarted.url}/api/sessions/${id}`)).json();
        expect(saved.version, id).toBeGreaterThanOrEqual(ack.version);
        if (saved.version === ack.version) expect(saved.notes).toBe(ack.notes);
      }
    } finally {
      await stopServer(restarted);
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});

// Builds the app (unless E2E_SKIP_BUILD=1), migrates a scratch database and serves it on 127.0.0.1.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { migrate, runOrThrow, startServer, stopServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-e2e-"));
  const database = path.join(scratch, "e2e.db");
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:${database}` };
  await migrate(`file:${database}`);
  if (process.env.E2E_SKIP_BUILD !== "1") runOrThrow("npm", ["run", "--silent", "build"], env);

  const server = await startServer(env);
  project.provide("baseUrl", server.url);

  return async () => {
    await stopServer(server);
    fs.rmSync(scratch, { recursive: true, force: true });
  };
}

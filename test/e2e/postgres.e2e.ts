// Two app instances on one PostgreSQL database, as a team runs Netriage behind a load balancer:
// whatever one instance saves (sessions, sign-ins, failed attempts), the other sees.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createUser } from "@/lib/auth/accounts";
import { MAX_FAILURES_PER_ACCOUNT } from "@/lib/auth/sign-in";
import { createPrisma } from "@/lib/db";

import { backends, createMigratedDatabase } from "../db/databases";
import { launchBrowser } from "./browser";
import { startServer, stopServer, type RunningServer } from "./server";

const PASSWORD = "correct horse battery";

describe.skipIf(!backends.includes("postgresql"))("two instances on one PostgreSQL", () => {
  let a: RunningServer;
  let b: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    const url = await createMigratedDatabase("postgresql");
    const prisma = createPrisma(url);
    await createUser(prisma, { email: "eng@example.com", role: "engineer", password: PASSWORD });
    await createUser(prisma, { email: "target@example.com", role: "engineer", password: PASSWORD });
    await prisma.$disconnect();
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, WEB_CONCURRENCY: "1" };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([a, b].filter(Boolean).map((server) => stopServer(server)));
  });

  const signIn = (server: RunningServer, email: string, password = PASSWORD) =>
    fetch(`${server.url}/api/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  const json = (cookie: string) => ({ cookie, "content-type": "application/json" });

  it("serves one instance's saves from the other, with one version history and one sign-in", async () => {
    const cookie = ((await signIn(a, "eng@example.com")).headers.get("set-cookie") ?? "").split(";")[0];
    expect((await (await fetch(`${b.url}/api/auth/me`, { headers: { cookie } })).json()).user.email).toBe("eng@example.com");

    const created = await (
      await fetch(`${a.url}/api/sessions`, {
        method: "POST",
        headers: json(cookie),
        body: JSON.stringify({ description: "Pods time out to the DB", ticketRef: "PG-1" }),
      })
    ).json();
    const onB = await fetch(`${b.url}/api/sessions/${created.id}`, { headers: { cookie } });
    expect(await onB.json()).toMatchObject({ id: created.id, ticketRef: "PG-1", version: 1, createdBy: "eng@example.com" });

    const savedOnB = await fetch(`${b.url}/api/sessions/${created.id}`, {
      method: "PUT",
      headers: json(cookie),
      body: JSON.stringify({ version: 1, notes: "saved on B" }),
    });
    expect((await savedOnB.json()).version).toBe(2);
    const staleOnA = await fetch(`${a.url}/api/sessions/${created.id}`, {
      method: "PUT",
      headers: json(cookie),
      body: JSON.stringify({ version: 1, notes: "stale save on A" }),
    });
    expect(staleOnA.status).toBe(409);

    // In a browser signed in on A, the session page shows B's save.
    const context = await browser.newContext();
    await context.addCookies([{ name: "netriage_session", value: cookie.split("=")[1], url: a.url }]);
    const page = await context.newPage();
    await page.goto(`${a.url}/triage/${created.id}`);
    await expect.poll(() => page.getByRole("textbox", { name: "Notes" }).inputValue()).toBe("saved on B");
    await context.close();
  });

  it("counts failed sign-ins across instances", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await signIn(i % 2 === 0 ? a : b, "target@example.com", "wrong password")).status).toBe(401);
    }
    expect((await signIn(b, "target@example.com")).status).toBe(429);
    expect((await signIn(a, "target@example.com")).status).toBe(429);
  });
});

// Sign-in, roles and ownership on a server of its own: once accounts exist, sign-in is on.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createUser } from "@/lib/auth/accounts";
import { MAX_FAILURES_PER_ACCOUNT } from "@/lib/auth/sign-in";
import { createPrisma } from "@/lib/db";

import { startTestProvider, type TestProvider } from "../auth/oidc-provider";
import { launchBrowser, watchPage } from "./browser";
import { migrate, startServer, stopServer, type RunningServer } from "./server";

const PASSWORD = "correct horse battery";

describe("sign-in and roles", () => {
  let server: RunningServer;
  let browser: Browser;
  let scratch: string;
  let provider: TestProvider;
  beforeAll(async () => {
    provider = await startTestProvider();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-accounts-"));
    const url = `file:${path.join(scratch, "accounts.db")}`;
    await migrate(url);
    const prisma = createPrisma(url);
    await createUser(prisma, { email: "eng@example.com", role: "engineer", password: PASSWORD });
    await createUser(prisma, { email: "lead@example.com", role: "trainer", password: PASSWORD });
    await createUser(prisma, { email: "admin@example.com", role: "admin", password: PASSWORD });
    await createUser(prisma, { email: "target@example.com", role: "engineer", password: PASSWORD });
    await createUser(prisma, { email: "rotate@example.com", role: "engineer", password: PASSWORD });
    await prisma.$disconnect();
    server = await startServer({
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      NETRIAGE_OIDC_ISSUER: provider.issuer,
      NETRIAGE_OIDC_CLIENT_ID: provider.clientId,
      NETRIAGE_OIDC_CLIENT_SECRET: provider.clientSecret,
      NETRIAGE_OIDC_ALLOW_HTTP: "true",
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    await provider?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const signIn = async (email: string, password = PASSWORD) =>
    fetch(`${server.url}/api/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  const cookieOf = async (email: string) => {
    const response = await signIn(email);
    expect(response.status).toBe(200);
    return (response.headers.get("set-cookie") ?? "").split(";")[0];
  };

  it("answers an anonymous request for saved sessions with 401, and sends an anonymous visitor to sign in", async () => {
    const cookie = await cookieOf("eng@example.com");
    const created = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ description: "private ticket" }),
    });
    const { id } = await created.json();
    expect((await fetch(`${server.url}/api/sessions/${id}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/sessions`)).status).toBe(401);
    const page = await fetch(`${server.url}/triage/${id}`, { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(`/triage/${id}`)}`);
    // A Chinese page signs in on the Chinese sign-in page and comes back to itself.
    for (const pagePath of ["/zh/library", "/zh/library/new", "/zh/review", "/zh/insights", `/zh/triage/${id}`]) {
      const chinese = await fetch(`${server.url}${pagePath}`, { redirect: "manual" });
      expect([pagePath, chinese.status, chinese.headers.get("location")]).toEqual([pagePath, 307, `/zh/sign-in?next=${encodeURIComponent(pagePath)}`]);
    }
    // The library stays open.
    expect((await fetch(`${server.url}/cases/anytunnel-container-syn-dropped-tw-recycle`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/search?q=conntrack`)).status).toBe(200);
  });

  it("closes cases, causes, search and diagnosis to anonymous visitors when the library is private", async () => {
    const url = `file:${path.join(scratch, "accounts.db")}`;
    const closed = await startServer({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, NETRIAGE_PUBLIC_LIBRARY: "false" });
    try {
      const casePath = "/cases/anytunnel-container-syn-dropped-tw-recycle";
      // A signed-in colleague reads the case first (once per worker): what they were shown must not
      // be handed from memory to the anonymous visitors that follow.
      const cookie = await cookieOf("eng@example.com");
      for (let i = 0; i < 2; i++) {
        const page = await fetch(`${closed.url}${casePath}`, { headers: { cookie } });
        expect(page.status).toBe(200);
        expect(await page.text()).toMatch(/AnyTunnel|tw_recycle/i);
      }
      for (const pagePath of [casePath, "/cases", "/causes/tcp-tw-recycle-nat-timestamps", "/search?q=conntrack"]) {
        for (let i = 0; i < 2; i++) {
          const response = await fetch(`${closed.url}${pagePath}`, { redirect: "manual" });
          expect([pagePath, response.status]).toEqual([pagePath, 307]);
          expect(response.headers.get("location")).toMatch(/^\/sign-in\?next=%2F(cases|causes|search)/);
        }
      }
      const chineseCase = await fetch(`${closed.url}/zh${casePath}`, { redirect: "manual" });
      expect(chineseCase.headers.get("location")).toBe(`/zh/sign-in?next=${encodeURIComponent(`/zh${casePath}`)}`);
      expect((await fetch(`${closed.url}/api/search?q=conntrack`)).status).toBe(401);
      expect(
        (
          await fetch(`${closed.url}/api/diagnose`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ description: "x" }),
          })
        ).status,
      ).toBe(401);
      expect((await fetch(`${closed.url}/api/search?q=conntrack`, { headers: { cookie } })).status).toBe(200);
    } finally {
      await stopServer(closed);
    }
  });

  it("refuses the trainer view to an engineer (403) and opens it to a trainer", async () => {
    const engineer = await fetch(`${server.url}/train/progress`, { headers: { cookie: await cookieOf("eng@example.com") } });
    expect(engineer.status).toBe(403);
    expect(await engineer.text()).toMatch(/Not for your role/);
    expect((await fetch(`${server.url}/train/progress`, { headers: { cookie: await cookieOf("lead@example.com") } })).status).toBe(200);
    const [engineerCookie, trainerCookie] = [await cookieOf("eng@example.com"), await cookieOf("lead@example.com")];
    for (const pagePath of ["/review", "/zh/review", "/insights", "/zh/insights"]) {
      const asEngineer = await fetch(`${server.url}${pagePath}`, { headers: { cookie: engineerCookie } });
      const asTrainer = await fetch(`${server.url}${pagePath}`, { headers: { cookie: trainerCookie } });
      expect([pagePath, asEngineer.status, asTrainer.status]).toEqual([pagePath, 403, 200]);
    }
    expect((await fetch(`${server.url}/api/users`, { headers: { cookie: await cookieOf("lead@example.com") } })).status).toBe(403);
  });

  it("rate-limits wrong passwords: 401 each, then 429 with Retry-After, even for the right password", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await signIn("target@example.com", "wrong password")).status).toBe(401);
    const limited = await signIn("target@example.com");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatch(/too many failed sign-ins/);
  });

  it("refuses a state change sent from another site's page (403)", async () => {
    const cookie = await cookieOf("eng@example.com");
    const forged = await fetch(`${server.url}/api/sessions`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ description: "forged" }),
    });
    expect(forged.status).toBe(403);
  });

  it("signs in through the page, keeps a session private until shared, shows its history, and signs out", async () => {
    const engineer = await browser.newContext();
    const page = await engineer.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/triage`);
    await page.waitForURL(/\/sign-in\?next=%2Ftriage$/);
    await page.getByLabel("Email").fill("eng@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/triage`);
    await expect.poll(() => page.locator(".account-email").textContent()).toBe("eng@example.com");
    const cookies = await engineer.cookies();
    expect(cookies.find((c) => c.name === "netriage_session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByLabel("What the customer reports").fill("DNS lookups from pods take 5 seconds now and then.");
    await page.getByRole("button", { name: "Start triage" }).click();
    await page.waitForURL(/\/triage\/[a-z0-9]+$/);
    const sessionUrl = page.url();
    await expect.poll(() => page.getByRole("region", { name: "History" }).textContent()).toMatch(/eng@example\.com · created/);

    const colleague = await browser.newContext();
    const other = await colleague.newPage();
    await other.goto(`${server.url}/sign-in?next=${encodeURIComponent(new URL(sessionUrl).pathname)}`);
    await other.getByLabel("Email").fill("lead@example.com");
    await other.getByLabel("Password").fill(PASSWORD);
    const denied = other.waitForResponse((r) => r.url() === sessionUrl);
    await other.getByRole("button", { name: "Sign in" }).click();
    expect((await denied).status()).toBe(403);

    await page.getByLabel(/Shared with the team/).check();
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await other.reload();
    await expect.poll(() => other.getByRole("region", { name: "History" }).textContent()).toMatch(/eng@example\.com · updated \(shared\)/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/`);
    expect((await page.goto(`${server.url}/api/sessions`))?.status()).toBe(401);
    expect(problems.consoleErrors.filter((e) => !e.startsWith("401 "))).toEqual([]);
    await engineer.close();
    await colleague.close();
  });

  it("trains a signed-in engineer as themselves, with no name to pick", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?next=%2Ftrain`);
    await page.getByLabel("Email").fill("eng@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/train`);
    await expect.poll(() => page.getByTestId("learner-name").textContent()).toBe("eng@example.com");
    expect(await page.getByRole("button", { name: "Switch" }).count()).toBe(0);
    await context.close();
  });

  it("signs in through the single sign-on provider, creating the account as an engineer", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?next=%2Ftriage`);
    await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
    await page.waitForURL(`${server.url}/triage`);
    await expect.poll(() => page.locator(".account-email").textContent()).toBe("sso.user@example.com");
    expect((await context.cookies()).map((c) => c.name)).toEqual(["netriage_session"]);
    const cookie = `netriage_session=${(await context.cookies())[0].value}`;
    expect((await fetch(`${server.url}/train/progress`, { headers: { cookie } })).status).toBe(403);
    await context.close();
  });

  it("lets a user change their own password from the account page, which signs out their other browsers", async () => {
    const elsewhere = await cookieOf("rotate@example.com");
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/sign-in?next=%2Ftriage`);
    await page.getByLabel("Email").fill("rotate@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/triage`);
    await page.locator(".account-email").click();
    await page.waitForURL(`${server.url}/account`);

    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill("not my password");
    await form.getByLabel("New password", { exact: true }).fill("a fresh passphrase");
    await form.getByLabel("New password again").fill("a fresh passphrase");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => form.locator("[role=alert]").first().textContent()).toMatch(/not your current password/);
    await form.getByLabel("Current password").fill(PASSWORD);
    await form.getByLabel("New password again").fill("a fresh passphrasf");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => form.locator("[role=alert]").first().textContent()).toMatch(/two new passwords differ/);
    await form.getByLabel("New password again").fill("a fresh passphrase");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toMatch(/Password changed/);

    expect((await fetch(`${server.url}/api/sessions`, { headers: { cookie: elsewhere } })).status).toBe(401);
    expect((await page.goto(`${server.url}/api/sessions`))?.status()).toBe(200);
    expect((await signIn("rotate@example.com")).status).toBe(401);
    expect((await signIn("rotate@example.com", "a fresh passphrase")).status).toBe(200);
    expect(problems.consoleErrors.filter((e) => !e.startsWith("422 "))).toEqual([]);
    await context.close();
  });

  it("lets an admin create an account on the accounts page, which can then sign in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?next=%2Fadmin%2Fusers`);
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/admin/users`);

    const form = page.getByRole("form", { name: "New account" });
    await form.getByLabel("Email").fill("new.hire@example.com");
    await form.getByLabel("Password").fill("short");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => form.locator("[role=alert]").first().textContent()).toMatch(/at least 12 characters/);
    await form.getByLabel("Password").fill("a long enough password");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.locator("table.accounts").textContent()).toMatch(/new\.hire@example\.com/);
    expect((await signIn("new.hire@example.com", "a long enough password")).status).toBe(200);
    await context.close();
  });
});

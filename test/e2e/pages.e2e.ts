import fs from "node:fs";
import path from "node:path";

import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, watchPage } from "./browser";

const baseUrl = inject("baseUrl");
const SCREENSHOTS = path.join(import.meta.dirname, "../../test-results");

describe("site pages in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pages = [
    { path: "/", heading: "Netriage" },
    { path: "/cases", heading: "Cases" },
    { path: "/cases/k8s-nodeport-cross-vpc-tw-recycle", heading: /NodePort/i },
    { path: "/causes", heading: "Root causes" },
    { path: "/causes/tcp-tw-recycle-nat-timestamps", heading: /tw_recycle|timestamp/i },
  ];

  for (const { path: pagePath, heading } of pages) {
    it(`GET ${pagePath} renders with no console errors and no off-site requests`, async () => {
      const page = await context.newPage();
      const problems = watchPage(page);
      const response = await page.goto(`${baseUrl}${pagePath}`, { waitUntil: "networkidle" });
      expect(response?.status()).toBe(200);
      const h1 = await page.locator("h1").first().textContent();
      if (typeof heading === "string") expect(h1).toBe(heading);
      else expect(h1).toMatch(heading);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${pagePath.replace(/\W+/g, "_") || "home"}.png`), fullPage: false });
      expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
      await page.close();
    });
  }

  it("answers repeat requests for a prerendered page exactly as the first (the page cache changes nothing), and navigates on from it", async () => {
    const url = `${baseUrl}/cases/anytunnel-container-syn-dropped-tw-recycle`;
    const answers = [];
    // More requests than workers: every worker answers some from its cache.
    for (let i = 0; i < 6; i++) {
      const response = await fetch(url);
      const headers = Object.fromEntries([...response.headers].filter(([name]) => !["date", "keep-alive", "connection"].includes(name)));
      answers.push({ status: response.status, headers, body: await response.text() });
    }
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    expect(answers[0].headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);

    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(url, { waitUntil: "networkidle" });
    await page.locator("main a[href^='/causes/']").first().click();
    await page.waitForURL(/\/causes\/[a-z0-9-]+$/);
    await page.locator("h1").waitFor();
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });

  it("GET /cases/<unknown id> answers 404 with the not-found page", async () => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/cases/no-such-case`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Not found");
    const causeResponse = await page.goto(`${baseUrl}/causes/no-such-cause`);
    expect(causeResponse?.status()).toBe(404);
    await page.close();
  });

  it("filters the case list by root cause and keeps the filter in the URL", async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/cases`, { waitUntil: "networkidle" });
    const all = await page.locator(".case-row").count();
    await page.selectOption("select[name=cause]", "tcp-tw-recycle-nat-timestamps");
    await page.waitForURL(/cause=tcp-tw-recycle-nat-timestamps/);
    // The list is filtered on the server: wait for the filtered rows.
    await expect.poll(() => page.locator(".case-row").count(), { timeout: 10_000 }).toBeLessThan(all);
    const titles = await page.locator(".case-row .case-title").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.locator(".case-row").count()).toBe(titles.length);
    await page.close();
  });

  it("home symptom links open the case list filtered by that symptom", async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    const card = page.getByRole("link", { name: /DNS slow or failing/ });
    const promised = Number(/(\d+) cases?/.exec((await card.locator(".card-meta").textContent()) ?? "")?.[1]);
    await card.click();
    await page.waitForURL(/symptom=dns/);
    // The list is rendered per request (it includes cases published in the app): wait for it.
    await expect.poll(() => page.locator(".case-row").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const titles = await page.locator(".case-row .case-title").allTextContents();
    expect(titles.some((t) => /dns/i.test(t))).toBe(true);
    // The card counts what the list it opens shows.
    expect(titles).toHaveLength(promised);
    await page.close();
  });

  it("copies a command from a case page to the clipboard", async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/cases/anytunnel-container-syn-dropped-tw-recycle`, { waitUntil: "networkidle" });
    const block = page.locator('[data-code-block][data-kind="command"]').first();
    const expected = (await block.locator("pre").textContent())?.replace(/\n$/, "");
    await block.getByRole("button").click();
    await expect.poll(() => block.getByRole("button").textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await page.close();
  });

  it("lays out a case page for a phone without horizontal scrolling", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseUrl}/cases/redis-syn-dropped-idle-connections`, { waitUntil: "networkidle" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "case_phone.png") });
    await page.close();
  });

  it("GET / sends the security headers, and the API answered without Next sends the same", async () => {
    const response = await fetch(`${baseUrl}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const security = (headers: Headers) =>
      ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options"].map((name) => headers.get(name));
    const search = await fetch(`${baseUrl}/api/search?q=mtu`);
    const diagnosis = await fetch(`${baseUrl}/api/diagnose`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ description: "mtu" }),
    });
    expect([search.status, diagnosis.status]).toEqual([200, 200]);
    expect(security(search.headers)).toEqual(security(response.headers));
    expect(security(diagnosis.headers)).toEqual(security(response.headers));
  });

  it("GET /api/health reports the database reachable", async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "reachable", migrationsApplied: expect.any(Number) });
  });
});

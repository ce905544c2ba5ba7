import fs from "node:fs";
import path from "node:path";

import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, watchPage } from "./browser";

const baseUrl = inject("baseUrl");
const SCREENSHOTS = path.join(import.meta.dirname, "../../test-results");

describe("search in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("types a Chinese query in the header box, sees the case highlighted and opens it", async () => {
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${baseUrl}/cases`, { waitUntil: "networkidle" });
    await page.keyboard.press("/");
    const box = page.getByRole("combobox", { name: "Search cases and root causes" });
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);

    await box.pressSequentially("跨 VPC 访问 NodePort 时好时坏");
    const first = page.getByRole("option").first();
    await expect.poll(() => first.locator(".search-hit-title").textContent()).toMatch(/Cross-VPC access to a TKE NodePort/);
    expect(await first.locator("mark").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "search_header_zh.png") });

    await first.click();
    await page.waitForURL(/\/cases\/k8s-nodeport-cross-vpc-tw-recycle$/);
    expect(await page.locator("h1").textContent()).toMatch(/NodePort/);
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });

  it("suggests cases for a 2,000-character Chinese query, whose URL would be refused, by POST", async () => {
    const page = await context.newPage();
    const problems = watchPage(page);
    const methods: string[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname === "/api/search") methods.push(`${response.request().method()} ${response.status()}`);
    });
    await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    const query = "跨 VPC 访问 NodePort 时好时坏".repeat(100).slice(0, 2000);
    const box = page.getByRole("combobox", { name: "Search cases and root causes" });
    await box.fill(query);
    await expect.poll(() => page.getByRole("option").first().locator(".search-hit-title").textContent()).toMatch(/NodePort/);
    expect(methods).toContain("POST 200");
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });

  it("shows results for a 2,000-character Chinese query on Enter, from the header box and from the search page, never by a refused GET", async () => {
    const page = await context.newPage();
    const problems = watchPage(page);
    const refused: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) refused.push(`${response.request().method()} ${response.status()} ${response.url().slice(0, 80)}`);
    });
    const query = "跨 VPC 访问 NodePort 时好时坏".repeat(100).slice(0, 2000);
    await page.goto(`${baseUrl}/cases`, { waitUntil: "networkidle" });
    await page.getByRole("combobox", { name: "Search cases and root causes" }).fill(query);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search$/, { timeout: 10_000 });
    const firstResult = page.locator(".search-results .search-hit-title").first();
    const firstTitle = () => firstResult.textContent({ timeout: 1_000 }).catch(() => "");
    await expect.poll(firstTitle, { timeout: 10_000 }).toMatch(/NodePort/);
    expect(await page.getByRole("textbox", { name: "Search" }).inputValue()).toBe(query);

    const box = page.getByRole("textbox", { name: "Search" });
    await box.fill("DNS 解析偶尔 5 秒 ".repeat(160).slice(0, 2000));
    await box.press("Enter");
    await expect.poll(firstTitle, { timeout: 10_000 }).toMatch(/DNS/);
    expect(page.url()).toBe(`${baseUrl}/search`);
    expect(refused).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });

  it("keeps pasted log lines apart in the header box and opens the first result with the keyboard", async () => {
    const page = await context.newPage();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    const log = [
      "2017-09-15T06:52:37.820784+00:00 host42 kernel: [598346.499873] NETDEV WATCHDOG: ens2f0 (ixgbe): transmit queue 28 timed out",
      "2017-09-15T06:52:37.820786+00:00 host42 kernel: CPU: 10 PID: 123 Comm: migration/10 Tainted",
    ].join("\n");
    await page.evaluate((text) => navigator.clipboard.writeText(text), log);
    const box = page.getByRole("combobox", { name: "Search cases and root causes" });
    await box.focus();
    await page.keyboard.press("Control+V");
    expect(await box.inputValue()).toBe(log.replace("\n", " "));

    await expect.poll(() => page.getByRole("option").first().locator(".search-hit-title").textContent()).toMatch(/migration thread/);
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("option").first().getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/cases\/kernel-migration-cpu-stall$/);
    await page.close();
  });

  it("finds the case from a pasted log line on the search page and opens it", async () => {
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${baseUrl}/search`, { waitUntil: "networkidle" });
    const logLine = "2017/08/14 13:25:49 [error] 11020#0: *182655034 no live upstreams while connecting to upstream, client: 172.31.1.12";
    await page.getByRole("textbox").fill(logLine);
    await page.waitForURL(/\/search\?q=/);
    const firstTitle = page.locator(".search-result .search-hit-title").first();
    await expect.poll(() => firstTitle.textContent()).toMatch(/no live upstreams/);
    expect(await page.locator(".search-result").first().locator(".search-hit-snippet mark").count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "search_page_log.png") });

    await firstTitle.click();
    await page.waitForURL(/\/cases\/tengine-stale-elb-ips-after-scale-up$/);
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });

  it("renders a linked /search?q= on the server and narrows it with a filter kept in the URL", async () => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/search?q=conntrack`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    const kinds = () => page.locator(".search-result .badge").allTextContents();
    const all = await kinds();
    expect(all).toContain("case");
    expect(all).toContain("root cause");

    await page.selectOption("select[name=kind]", "cause");
    await page.waitForURL(/kind=cause/);
    await expect.poll(async () => new Set(await kinds())).toEqual(new Set(["root cause"]));
    await page.reload({ waitUntil: "networkidle" });
    expect(new Set(await kinds())).toEqual(new Set(["root cause"]));
    await page.close();
  });

  it("says how many entries matched, not the number shown", async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search?q=tcp&limit=3`, { waitUntil: "networkidle" });
    const count = (await page.locator(".result-count").textContent()) ?? "";
    const matched = Number(/^(\d+) entries match; the best 3 are shown\.$/.exec(count)?.[1]);
    expect(matched).toBeGreaterThan(3);
    const api = (await (await fetch(`${baseUrl}/api/search?q=tcp&limit=50`)).json()) as unknown[];
    expect(matched).toBeGreaterThanOrEqual(api.length);
    await page.close();
  });

  it("GET /api/search answers results, 400 for an empty or too long q and 422 for a bad limit", async () => {
    const ok = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent("tcp_tw_recycle NAT")}&limit=3`);
    expect(ok.status).toBe(200);
    const hits: { id: string; kind: string; title: string; score: number; snippet: string }[] = await ok.json();
    expect(hits).toHaveLength(3);
    expect(hits.map((h) => h.id)).toContain("k8s-nodeport-cross-vpc-tw-recycle");
    for (const hit of hits) expect(Object.keys(hit)).toEqual(expect.arrayContaining(["id", "kind", "title", "score", "snippet"]));

    const empty = await fetch(`${baseUrl}/api/search?q=%20`);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: "q: must not be empty" });
    const long = await fetch(`${baseUrl}/api/search?q=${"a".repeat(2001)}`);
    expect(long.status).toBe(400);
    expect((await long.json()).error).toMatch(/^q: .*2000/);
    const badLimit = await fetch(`${baseUrl}/api/search?q=dns&limit=abc`);
    expect(badLimit.status).toBe(422);
    expect((await badLimit.json()).error).toMatch(/^limit: /);
  });
});

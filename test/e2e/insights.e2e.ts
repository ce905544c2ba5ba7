// /insights in Chromium on its own server and database, seeded with the replay fixture's confirmed
// sessions, sessions that ended without a cause and logged searches; plus the searches and the
// confirmation this test makes in the browser.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ENTRY_SYMPTOMS } from "@/lib/content/entry-symptoms";
import { createPrisma } from "@/lib/db";
import type { Insights } from "@/lib/insights/insights";
import type { PrismaClient } from "@/generated/prisma/client";

import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { createMigratedDatabase } from "../db/databases";
import { DRAFT_TITLE, NO_RESULT_QUERY, OPEN_FLAG_COMMENT, seedInsights } from "../insights/seed";
import { axeViolations } from "./axe";
import { launchBrowser, watchPage } from "./browser";
import { startServer, stopServer, type RunningServer } from "./server";

const NOTHING_MATCHES = "zzyzx quokkawidget";
const SLOW = { timeout: 20_000 };

describe("insights in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let prisma: PrismaClient;
  beforeAll(async () => {
    const url = await createMigratedDatabase("sqlite");
    await seedInsights(url);
    prisma = createPrisma(url);
    [server, browser] = await Promise.all([
      startServer({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, WEB_CONCURRENCY: "1" }),
      launchBrowser(),
    ]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    await prisma?.$disconnect();
  });

  async function searchFor(page: Page, q: string) {
    const logged = page.waitForResponse((r) => r.url().endsWith("/api/search/log") && r.status() === 201, SLOW);
    await page.goto(`${server.url}/search?${new URLSearchParams({ q })}`, { waitUntil: "networkidle" });
    return (await (await logged).json()) as { id: string };
  }

  it("logs a settled search with no result, and a search whose result is clicked", async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    const empty = await searchFor(page, NOTHING_MATCHES);
    expect(await page.locator(".result-count").textContent()).toMatch(/No case or root cause matches/);
    const found = await searchFor(page, "insert_failed");
    const first = page.locator(".search-results a.search-hit-title").first();
    const href = await first.getAttribute("href");
    await first.click();
    await page.waitForURL(`${server.url}${href}`);
    await expect.poll(async () => (await prisma.searchLog.findUnique({ where: { id: found.id } }))?.clickedUrl, SLOW).toBe(href);
    expect(await prisma.searchLog.findUnique({ where: { id: empty.id } })).toMatchObject({ query: NOTHING_MATCHES, results: 0, clicks: 0 });
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });

  it("stores the diagnosis on screen, with its engine version, when the engineer confirms a cause", async () => {
    const page = await browser.newPage();
    const ticket = {
      description: "Pods see DNS lookups that take exactly 5 seconds, a few times a minute.",
      outputs: [{ command: "conntrack -S", text: "cpu=0 found=0 invalid=0 insert=0 insert_failed=12 drop=12" }],
    };
    const created = await (
      await fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ticket) })
    ).json();
    const shown = await (
      await fetch(`${server.url}/api/diagnose`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ticket) })
    ).json();
    await page.goto(`${server.url}/triage/${created.id}`, { waitUntil: "networkidle" });
    const top = page.locator(".ranking-item").first();
    await expect.poll(() => top.getAttribute("data-cause"), SLOW).toBe(shown.rootCauses[0].id);
    await top.getByRole("button", { name: "Confirm this cause" }).click();
    await expect.poll(async () => (await (await fetch(`${server.url}/api/sessions/${created.id}`)).json()).status, SLOW).toBe("confirmed");
    const saved = await (await fetch(`${server.url}/api/sessions/${created.id}`)).json();
    expect(saved.shownDiagnosis).toEqual({ engineVersion: shown.engineVersion, causes: shown.rootCauses.slice(0, 6).map((c: { id: string }) => c.id) });
    expect(Date.parse(saved.confirmedAt)).toBeGreaterThanOrEqual(Date.parse(saved.createdAt));
    await page.close();
  });

  it("shows the real numbers of the test data, as GET /api/insights gives them, and passes axe", async () => {
    const insights = (await (await fetch(`${server.url}/api/insights`)).json()) as Insights;
    expect(insights.firstGuess.sessions).toBe(61);
    expect(insights.searches.noResult.map((q) => q.query)).toEqual(expect.arrayContaining([NOTHING_MATCHES]));
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/insights`, { waitUntil: "networkidle" });
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(en.insights.title);

    const noResult = page.locator("section[aria-labelledby=no-result] tbody tr");
    expect(await noResult.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(NOTHING_MATCHES), expect.stringMatching(/qwzxv frobnicator.*2/i)]),
    );
    expect(NO_RESULT_QUERY).toBe("qwzxv frobnicator");
    expect(await page.locator("section[aria-labelledby=no-click] tbody tr").count()).toBe(insights.searches.noClick.length);

    const firstGuess = page.locator("section[aria-labelledby=first-guess]");
    const percent = `${Math.round(insights.firstGuess.accuracy * 100)}%`;
    expect(await firstGuess.locator("p").first().textContent()).toContain(
      `On 61 confirmed sessions, the current engine's top cause was the confirmed one ${percent}`,
    );
    expect(await firstGuess.getByRole("img", { name: en.insights.calibrationChartTitle }).count()).toBe(1);
    expect(await firstGuess.locator("circle.calibration-point").count()).toBe(insights.firstGuess.calibration.length);

    const unconfirmed = page.locator("section[aria-labelledby=unconfirmed]");
    expect(await unconfirmed.textContent()).toContain("Intermittent resets from the VPN");
    expect(await unconfirmed.locator("tbody tr").count()).toBe(insights.unconfirmed.sessions);

    const reused = page.locator("section[aria-labelledby=most-reused] tbody tr").first();
    expect(await reused.textContent()).toBe(`${insights.library.mostReused[0].title}3`);
    expect(await page.locator("section[aria-labelledby=open-flags] tbody").textContent()).toContain(OPEN_FLAG_COMMENT);
    expect(await page.locator("section[aria-labelledby=drafts] tbody").textContent()).toContain(DRAFT_TITLE);

    const time = page.locator("section[aria-labelledby=time-to-confirm] p").first();
    expect(await time.textContent()).toMatch(new RegExp(`^${insights.timeToConfirm.sessions} confirmed sessions: median \\d+ min`));

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });

  it("shows the same figures in Chinese at /zh/insights, with symptoms, causes and ranges named in Chinese", async () => {
    const insights = (await (await fetch(`${server.url}/api/insights`)).json()) as Insights;
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${server.url}/zh/insights`, { waitUntil: "networkidle" });
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(zh.insights.title);
    expect(await page.locator("section[aria-labelledby=first-guess] p").first().textContent()).toMatch(
      new RegExp(`^在 ${insights.firstGuess.sessions} 个已确认的会话中，当前引擎排名第一的根因有 ${Math.round(insights.firstGuess.accuracy * 100)}%`),
    );
    const reset = ENTRY_SYMPTOMS.find((s) => s.id === "refused-or-reset");
    expect(await page.locator("section[aria-labelledby=unconfirmed] tbody").textContent()).toContain(reset?.labelZh);
    expect(await page.locator("section[aria-labelledby=unconfirmed] tbody").textContent()).not.toContain(reset?.label);
    expect(await page.locator("section[aria-labelledby=time-to-confirm] p").first().textContent()).toMatch(
      new RegExp(`^${insights.timeToConfirm.sessions} 个已确认的会话：中位数 \\d+ (分钟|小时)`),
    );
    expect(await page.locator("#time-chart-title").textContent()).toBe(zh.insights.timeChartTitle);
    expect(await page.locator("section[aria-labelledby=time-to-confirm] svg").textContent()).toContain(zh.insights.buckets.under15m);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });
});

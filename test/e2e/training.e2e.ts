import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { getExerciseCatalogue } from "@/lib/training/catalogue";
import type { SignalDrill, TicketDrill } from "@/lib/training/exercise";

import { launchBrowser, watchPage } from "./browser";

const baseUrl = inject("baseUrl");
const catalogue = getExerciseCatalogue();
const LEARNER = "E2E Trainee";

/** The drill the page at `url` shows, looked up in the same catalogue the server built. */
function drillAt<T>(url: string): T {
  const id = new URL(url).pathname.split("/").pop() ?? "";
  const drill = catalogue.get(id);
  if (!drill) throw new Error(`no drill ${id}`);
  return drill as T;
}

async function learnerRow(page: Page) {
  await page.goto(`${baseUrl}/train/progress`, { waitUntil: "networkidle" });
  const row = page.locator(`tr[data-learner="${LEARNER}"]`);
  return { attempts: await row.locator("td").nth(0).textContent(), accuracy: await row.getByTestId("learner-accuracy").textContent() };
}

describe("training in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("does a ticket drill and a spot-the-signal drill, and the trainer view shows the new score", async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);

    await page.goto(`${baseUrl}/train`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Start training" }).click();
    await expect.poll(() => page.locator("[role=alert]").first().textContent()).toMatch(/enter a name/);
    await page.getByLabel(/Your name/).fill(LEARNER);
    await page.getByRole("button", { name: "Start training" }).click();
    await expect.poll(() => page.getByTestId("learner-name").textContent()).toBe(LEARNER);
    expect(await learnerRow(page)).toEqual({ attempts: "0", accuracy: "–" });

    // Ticket drill: the first step, the revealed output, the root cause, then the explanation.
    await page.goto(`${baseUrl}/train`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Ticket 1", exact: true }).click();
    await page.waitForURL(/\/train\/t-[0-9a-f]{10}$/);
    const ticket = drillAt<TicketDrill>(page.url());
    expect(await page.locator(".ticket").textContent()).not.toContain(ticket.caseTitle);
    await page.locator(`input[value="${ticket.steps.find((s) => s.right)!.id}"]`).check();
    await page.getByRole("button", { name: "Take this step" }).click();
    await page.getByRole("heading", { name: "2. What the case showed" }).waitFor();
    await page.locator(`input[value="${ticket.rootCause}"]`).check();
    await page.getByRole("button", { name: "Submit answer" }).click();
    await expect.poll(() => page.getByTestId("drill-score").textContent()).toMatch(/First step: right.*Root cause: right/);
    expect(await page.getByRole("link", { name: ticket.caseTitle }).getAttribute("href")).toBe(`/cases/${ticket.caseId}`);
    // The feedback renders its Markdown: no raw ** or backticks.
    expect(await page.locator(".drill-feedback").textContent()).not.toMatch(/\*\*|`/);

    // Spot the signal, with the keyboard: focus the first line, arrow down to the telling one, Enter.
    // The answer comes before the page knows who is training (a slow /api/auth/me): it waits, not fails.
    await page.goto(`${baseUrl}/train`, { waitUntil: "networkidle" });
    await page.route("**/api/auth/me", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await page.getByRole("link", { name: "Signal 1", exact: true }).click();
    await page.waitForURL(/\/train\/s-[0-9a-f]{10}$/);
    const signal = drillAt<SignalDrill>(page.url());
    const telling = signal.telling[0].lineNumber;
    await page.locator(".output-line").first().focus();
    for (let line = 1; line < telling; line++) await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    // Reads the score, or the error shown instead of it, so a failure says what went wrong.
    const scoreOrError = () =>
      page
        .locator("[data-testid=drill-score], .drill [role=alert]")
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => null);
    await expect.poll(scoreOrError, { timeout: 10_000 }).toMatch(/Line: right/);
    await page.unrouteAll();
    expect(await page.locator(`.output-lines > li[data-state="telling"]`).count()).toBe(signal.telling.length);

    expect(await learnerRow(page)).toEqual({ attempts: "2", accuracy: "100%" });
    // Other browser tests share the database and may have drilled too: count this learner's attempts.
    expect(await page.locator("#recent ~ .table-scroll tbody tr", { hasText: LEARNER }).count()).toBe(2);
    expect(await page.getByRole("img", { name: /Accuracy per root cause/ }).count()).toBe(1);
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });

  it("fits a phone screen", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    for (const url of ["/train", `/train/${catalogue.exercises[0].id}`, "/train/progress"]) {
      await page.goto(`${baseUrl}${url}`, { waitUntil: "networkidle" });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    }
    await context.close();
  });
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");

const PAYLOADS = [
  `<script>window.__pwned = "script"</script>`,
  `<img src=x onerror="window.__pwned = 'img'">`,
  `{alert(1)}`,
  "<svg onload=window.__pwned='svg'>",
];
const payload = (field: string) => `${field}: ${PAYLOADS.join(" ")}`;

describe("user-supplied text in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders ticket, output, notes and exports as text: nothing executes", async () => {
    const created = await fetch(`${baseUrl}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ticketRef: payload("ref").slice(0, 100),
        title: payload("title"),
        description: payload("description"),
        outputs: [{ command: payload("command"), text: payload("output") }],
      }),
    });
    const session = await created.json();
    await fetch(`${baseUrl}/api/sessions/${session.id}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: session.version, notes: payload("notes"), confirmedCause: "firewall-drop", status: "confirmed" }),
    });

    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${baseUrl}/triage/${session.id}`, { waitUntil: "networkidle" });
    await page.locator(".history-item summary").first().click();
    for (const format of ["Reply to the customer", "Draft case entry (MDX)"]) {
      await page.getByRole("button", { name: format }).click();
      await expect.poll(() => page.locator(".export-text").textContent()).toContain("<script>");
    }
    await page.goto(`${baseUrl}/triage`, { waitUntil: "networkidle" });
    await page.goto(`${baseUrl}/triage/${session.id}`, { waitUntil: "networkidle" });

    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator("h1").textContent()).toContain("<script>");
    expect(
      await page
        .locator("script:not([src])")
        .evaluateAll((nodes) => nodes.some((n) => n.textContent?.includes("__pwned") && !n.textContent.includes("self.__next"))),
    ).toBe(false);
    await page.close();
  });
});

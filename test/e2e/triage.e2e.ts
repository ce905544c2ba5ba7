import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, watchPage } from "./browser";

const baseUrl = inject("baseUrl");

const NETSTAT = ["    3631812 SYNs to LISTEN sockets dropped", "    3631476 passive connections rejected because of time stamp"].join("\n");

const TW_RECYCLE = "tcp-tw-recycle-nat-timestamps";
/** A diagnosis round trip (debounce, request, render) on a loaded machine. */
const SLOW = { timeout: 10_000 };
const NAT_TICKET = "some clients behind the office NAT cannot connect to our API on 443, SYN sent but no SYN-ACK; servers are Linux 4.x behind an ELB";
const NAT_NETSTAT = ["Ip:", "    1234567 total packets received", "Icmp:", "    12 ICMP messages received", "TcpExt:", NETSTAT].join("\n");

async function stepId(page: Page): Promise<string> {
  return (await page.locator(".step-card").getAttribute("data-step-id")) ?? "";
}

/** Answers questions (first option) until the wizard proposes a command. */
async function advanceToCommand(page: Page): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await page.locator(".step-card").waitFor();
    if ((await page.locator(".step-card").getAttribute("data-step-kind")) === "command") return;
    const before = await stepId(page);
    await page.locator(".step-card input[type=radio]").first().check();
    await page.getByRole("button", { name: "Answer" }).click();
    await expect.poll(() => stepId(page)).not.toBe(before);
  }
  throw new Error("the wizard never proposed a command");
}

describe("guided triage in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("walks a ticket to a confirmed cause, survives a reload and exports the reply", async () => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    const page = await context.newPage();
    const problems = watchPage(page);

    await page.goto(`${baseUrl}/triage`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Start triage" }).click();
    await expect.poll(() => page.locator("[role=alert]").first().textContent()).toMatch(/Describe the ticket/);

    await page.getByLabel("Ticket reference").fill("CASE-E2E-1");
    await page
      .getByLabel("What the customer reports")
      .fill("Some clients behind a NAT gateway cannot connect to our API on port 8080 (connection timed out); other clients are fine.");
    await page.getByRole("button", { name: "Start triage" }).click();
    await page.waitForURL(/\/triage\/[a-z0-9]+$/);
    const sessionUrl = page.url();

    await advanceToCommand(page);
    expect(await page.locator(".step-card pre").textContent()).toBeTruthy();
    await page.getByLabel("Paste its output").fill(NETSTAT);
    await page.getByRole("button", { name: "Read output" }).click();
    await expect.poll(() => page.locator(".ranking-item").first().getAttribute("data-cause")).toBe("tcp-tw-recycle-nat-timestamps");
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/^Saved/);

    // Similar cases load after a pause in typing and two searches: allow a busy machine the time.
    await expect.poll(() => page.locator("[aria-labelledby=similar-title] .case-title").count(), SLOW).toBeGreaterThan(0);
    // The evidence points at tw_recycle: a case of that cause comes first among the similar ones.
    const causeCases = await page
      .locator(".ranking-item")
      .first()
      .locator("a[href^='/cases/']")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    await expect.poll(() => page.locator("[aria-labelledby=similar-title] .case-title").first().getAttribute("href"), SLOW).toMatch(/tw-recycle/);
    expect(causeCases.length).toBeGreaterThan(0);

    await page.reload({ waitUntil: "networkidle" });
    await expect.poll(() => page.locator(".history-item").filter({ hasText: "Output 1" }).count()).toBe(1);
    await expect.poll(() => page.locator(".ranking-item").first().getAttribute("data-cause")).toBe("tcp-tw-recycle-nat-timestamps");

    await page.locator(".ranking-item").first().getByRole("button", { name: "Confirm this cause" }).click();
    await expect.poll(() => page.locator(".ranking-item .badge-confirmed").count()).toBe(1);
    await page.getByRole("button", { name: "Reply to the customer" }).click();
    const reply = page.locator("[data-export=reply]");
    await expect.poll(() => reply.textContent()).toMatch(/What we checked[\s\S]*passive connections rejected because of time stamp/);

    await page.goto(`${baseUrl}/triage`, { waitUntil: "networkidle" });
    const listed = page.getByRole("link", { name: /Some clients behind a NAT gateway/ });
    expect(await listed.getAttribute("href")).toBe(new URL(sessionUrl).pathname);
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await context.close();
  });

  it("walks the NAT ticket of issue 15: the precondition first, confirmation only on a decisive signal, a rejection narrows, the reply passes the rubric", async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${baseUrl}/triage`, { waitUntil: "networkidle" });
    await page.getByLabel("What the customer reports").fill(NAT_TICKET);
    await page.getByText("Paste a command output too").click();
    await page.getByLabel("Command", { exact: true }).fill("netstat -s");
    await page.getByLabel("Output", { exact: true }).fill(NAT_NETSTAT);
    await page.getByRole("button", { name: "Start triage" }).click();
    await page.waitForURL(/\/triage\/[a-z0-9]+$/);

    // One cumulative netstat -s and the word NAT: check the kernel first, do not ask to confirm.
    await expect.poll(() => stepId(page), SLOW).toBe("cc-sysctl");
    const why = (await page.locator(".step-card .why").textContent()) ?? "";
    expect(why).toMatch(/4\.12/);
    expect(await page.locator(".step-card").textContent()).not.toMatch(/bits|expected gain|Run on: both-ends/);
    // What the ticket says is not asked again: it is listed as inferred.
    await expect.poll(() => page.locator("[data-inferred-id=cc-error]").count(), SLOW).toBe(1);

    await page.getByLabel("Paste its output").fill("net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_timestamps = 1");
    await page.getByRole("button", { name: "Read output" }).click();
    await expect.poll(() => stepId(page), SLOW).toBe(`confirm-${TW_RECYCLE}`);

    // "No": the cause drops, is listed as ruled out and in the steps so far, and the walk separates the rest.
    await page.getByLabel("No, rule it out and keep looking").check();
    await page.getByRole("button", { name: "Answer" }).click();
    await expect.poll(() => stepId(page), SLOW).not.toMatch(/^confirm-/);
    await expect.poll(() => page.locator(".ranking-item").first().getAttribute("data-cause"), SLOW).not.toBe(TW_RECYCLE);
    expect(await page.locator(`[data-ruled-out=${TW_RECYCLE}]`).count()).toBe(1);
    expect(await page.locator(`[data-answer-id=confirm-${TW_RECYCLE}]`).count()).toBe(1);

    // Changing the answer to yes confirms it: the next step is the fix, then the reply.
    await page.getByLabel(/Change answer: Is it tcp_tw_recycle/).selectOption("yes");
    await expect.poll(() => page.locator(".step-card").getAttribute("data-step-kind"), SLOW).toBe("fix");
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await page.getByRole("button", { name: "Reply to the customer" }).click();
    const reply = (await page.locator("[data-export=reply]").textContent()) ?? "";
    expect(reply).toMatch(/passive connections rejected because of time stamp/);
    const findings = reply.split("\n").filter((line) => line.startsWith("  - "));
    expect(new Set(findings).size).toBe(findings.length);
    expect(reply).not.toMatch(/\]\(\/|pod's|resolver|netstat -su|<port>/);
    // With the fix, the ruled-out list and the inferred answers on it, the page still fits a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await page.close();
  });

  it("loses nothing when two tabs edit one session", async () => {
    const context = await browser.newContext();
    const tabA = await context.newPage();
    await tabA.goto(`${baseUrl}/triage`, { waitUntil: "networkidle" });
    await tabA.getByLabel("What the customer reports").fill("Two engineers look at the same ticket: DNS lookups fail.");
    await tabA.getByRole("button", { name: "Start triage" }).click();
    await tabA.waitForURL(/\/triage\/[a-z0-9]+$/);
    const tabB = await context.newPage();
    await tabB.goto(tabA.url(), { waitUntil: "networkidle" });

    await tabA.getByRole("textbox", { name: "Notes" }).fill("note from tab A");
    await expect.poll(() => tabA.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await tabB.getByRole("textbox", { name: "Notes" }).fill("note from tab B");
    await expect.poll(() => tabB.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/Changed elsewhere/);
    await tabB.getByRole("button", { name: "Merge my changes" }).click();
    await expect.poll(() => tabB.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/^Saved/);

    await tabA.reload({ waitUntil: "networkidle" });
    const notes = await tabA.getByRole("textbox", { name: "Notes" }).inputValue();
    expect(notes).toContain("note from tab A");
    expect(notes).toContain("note from tab B");
    await context.close();
  });

  it("shows autosave going offline and catching up when the network returns", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/triage`, { waitUntil: "networkidle" });
    await page.getByLabel("What the customer reports").fill("Autosave check: the VPN drops.");
    await page.getByRole("button", { name: "Start triage" }).click();
    await page.waitForURL(/\/triage\/[a-z0-9]+$/);
    await page.locator(".step-card").waitFor();

    await context.setOffline(true);
    await page.getByRole("textbox", { name: "Notes" }).fill("written while offline");
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toMatch(/^Offline/);
    await context.setOffline(false);
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 20_000 }).toMatch(/^Saved/);

    await page.reload({ waitUntil: "networkidle" });
    expect(await page.getByRole("textbox", { name: "Notes" }).inputValue()).toBe("written while offline");
    await context.close();
  });

  it("says when no cause is well supported yet, and stops saying it once one is", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/triage`, { waitUntil: "networkidle" });
    await page.getByLabel("What the customer reports").fill("Our service has network problems since this morning.");
    await page.getByRole("button", { name: "Start triage" }).click();
    await page.waitForURL(/\/triage\/[a-z0-9]+$/);
    await expect.poll(() => page.locator(".ranking .undecided-note").filter({ hasText: "Not enough evidence yet" }).count(), SLOW).toBe(1);
    await page.goto(`${baseUrl}/triage`, { waitUntil: "networkidle" });
    await page
      .getByLabel("What the customer reports")
      .fill("dmesg on the NAT gateway: nf_conntrack: table full, dropping packet. New connections time out at peak.");
    await page.getByRole("button", { name: "Start triage" }).click();
    await page.waitForURL(/\/triage\/[a-z0-9]+$/);
    await page.locator(".ranking-item").first().waitFor();
    expect(await page.locator(".ranking-item").first().getAttribute("data-cause")).toBe("conntrack-table-full");
    expect(await page.getByText("Not enough evidence yet").count()).toBe(0);
    await page.close();
  });

  it("updates the ranking when an earlier answer changes", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/triage`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: /DNS slow or failing/ }).click();
    await page.waitForURL(/\/triage\/[a-z0-9]+$/);
    await page.locator(".ranking-item").first().waitFor();
    const dnsTop = await page.locator(".ranking-item").first().getAttribute("data-cause");
    await page.getByLabel(/Change answer: What does the ticket describe/).selectOption("slow");
    await expect.poll(() => page.locator(".ranking-item").first().getAttribute("data-cause")).not.toBe(dnsTop);
    await page.close();
  });

  it("fills the next command from the ticket, lets a value be edited before copying, and fits a 390 px phone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    const page = await context.newPage();
    const problems = watchPage(page);
    const created = await page.request.post(`${baseUrl}/api/sessions`, {
      data: {
        description:
          "Some clients behind the office NAT (203.0.113.7) cannot connect to our API on 443 at server 10.0.3.21: SYN sent but no SYN-ACK; servers are Linux 4.x behind an ELB.",
      },
    });
    const { id } = (await created.json()) as { id: string };
    await page.goto(`${baseUrl}/triage/${id}`, { waitUntil: "networkidle" });

    // Walk to a command that has placeholders: skip commands without any, keep looking when offered to confirm.
    const card = page.locator(".step-card");
    for (let i = 0; i < 15; i++) {
      await card.waitFor();
      const before = await stepId(page);
      const answered = await page.locator(".history-item").count();
      if ((await card.getAttribute("data-step-kind")) === "command") {
        if ((await card.locator(".placeholder").count()) > 0) break;
        await page.getByRole("button", { name: "Can't run this" }).click();
      } else {
        const radios = card.locator("input[type=radio]");
        await (before === "confirm-cause" ? card.locator("input[value=no]") : radios.first()).check();
        await page.getByRole("button", { name: "Answer" }).click();
      }
      await expect.poll(async () => (await stepId(page)) !== before || (await page.locator(".history-item").count()) > answered).toBe(true);
    }
    const placeholders = card.locator(".placeholder");
    expect(await placeholders.count()).toBeGreaterThan(0);
    const command = card.getByTestId("next-command");
    const shown = (await command.textContent()) ?? "";
    const filled = await card.locator(".placeholder-filled").allTextContents();
    for (const value of filled) expect(["443", "10.0.3.21", "203.0.113.7"]).toContain(value);
    const copy = card.locator(".code-block-bar").getByRole("button");
    const unfilled = await card.locator(".placeholder-unfilled").allTextContents();
    if (unfilled.length > 0) expect(await copy.getAttribute("aria-label")).toContain(unfilled[0]);
    else expect(await copy.getAttribute("aria-label")).toBe("Copy");

    // Type a value into the first placeholder field: the command and the copied text follow it.
    const field = card.locator(".placeholder-field input").first();
    await field.fill("198.51.100.9");
    await expect.poll(() => command.textContent()).toContain("198.51.100.9");
    expect(await command.textContent()).not.toBe(shown);
    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await command.textContent());

    // The phone layout: nothing runs off the side, the ranking comes right after the step, before the notes.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const commandBox = await command.boundingBox();
    expect((commandBox?.x ?? 0) + (commandBox?.width ?? 0)).toBeLessThanOrEqual(390);
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Number.NaN;
    expect(await top(".ranking")).toBeGreaterThan(await top(".step-card"));
    expect(await top(".ranking")).toBeLessThan(await top("#notes-title"));
    expect(await page.locator(".where").textContent()).not.toMatch(/both-ends|any-host|dns-client/);
    expect(problems).toEqual({ consoleErrors: [], offsiteRequests: [] });
    await context.close();
  });
});

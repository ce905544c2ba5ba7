import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { axeViolations } from "./axe";
import { launchBrowser } from "./browser";

const baseUrl = inject("baseUrl");

/** One page of every type the site has; the dynamic ones are created first. */
async function pagesToCheck(): Promise<string[]> {
  const session = await fetch(`${baseUrl}/api/sessions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      description: "Clients behind the office NAT cannot connect to our API on 443; SYN sent, no SYN-ACK.",
      outputs: [{ command: "netstat -s", text: "    3631476 passive connections rejected because of time stamp" }],
    }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  const draft = await fetch(`${baseUrl}/api/cases`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    // With a Chinese version, so that its fields, its problems and the preview's version switch are checked too.
    body: JSON.stringify({ title: "Accessibility check of the case editor", zh: { symptoms: ["编辑器无障碍检查"], body: "## 问题\n\n文字。\n" } }),
  }).then((r) => r.json() as Promise<{ id: string }>);
  const queue = await fetch(`${baseUrl}/train`).then((r) => r.text());
  const drills = [...new Set([...queue.matchAll(/href="(\/train\/[ts]-[\da-f]+)"/g)].map((m) => m[1]))];
  const ticketDrill = drills.find((d) => d.startsWith("/train/t-"));
  const signalDrill = drills.find((d) => d.startsWith("/train/s-"));
  return [
    "/",
    "/cases",
    "/cases/anytunnel-container-syn-dropped-tw-recycle",
    "/cases/kernel-migration-cpu-stall",
    "/causes",
    "/causes/tcp-tw-recycle-nat-timestamps",
    "/causes/accept-queue-overflow",
    "/search",
    "/search?q=conntrack",
    "/triage",
    `/triage/${session.id}`,
    "/train",
    ...(ticketDrill ? [ticketDrill] : []),
    ...(signalDrill ? [signalDrill] : []),
    "/train/progress",
    "/insights",
    "/library",
    "/library/new",
    `/library/${draft.id}/edit`,
    "/review",
    "/sign-in",
    "/account",
    "/admin/users",
    "/cases/no-such-case",
    // The Chinese pages of each kind (same markup, other language: lang attributes, wrapping, contrast).
    "/zh",
    "/zh/cases/anytunnel-container-syn-dropped-tw-recycle",
    "/zh/causes/tcp-tw-recycle-nat-timestamps",
    "/zh/search?q=conntrack",
    `/zh/triage/${session.id}`,
    "/zh/train",
    ...(ticketDrill ? [`/zh${ticketDrill}`] : []),
    "/zh/sign-in",
    "/zh/library",
    `/zh/library/${draft.id}/edit`,
    "/zh/review",
    "/zh/insights",
  ];
}

function describeViolations(path: string, violations: Awaited<ReturnType<typeof axeViolations>>): string[] {
  return violations.flatMap((v) => v.nodes.map((node) => `${path}: ${v.id} (${v.impact}): ${v.help}: ${node}`));
}

describe("accessibility (axe-core, WCAG 2 A and AA)", () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
  });

  let paths: string[];
  beforeAll(async () => {
    paths = await pagesToCheck();
  });

  const variants = [
    { scheme: "light", viewport: { width: 1280, height: 900 } },
    { scheme: "dark", viewport: { width: 1280, height: 900 } },
    { scheme: "light", viewport: { width: 390, height: 844 } },
  ] as const;

  for (const { scheme, viewport } of variants) {
    it(`finds no violation on any page type (${scheme}, ${viewport.width} px)`, { timeout: 300_000 }, async () => {
      expect(paths.filter((p) => /^\/train\/[ts]-/.test(p))).toHaveLength(2);
      const failures: string[] = [];
      const page: Page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      for (const path of paths) {
        await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
        await page.locator("h1").first().waitFor();
        if (/^(\/zh)?\/triage\//.test(path)) await page.locator(".step-card").waitFor();
        failures.push(...describeViolations(`${path} [${scheme}, ${viewport.width}px]`, await axeViolations(page)));
      }
      await page.close();
      expect(failures).toEqual([]);
    });
  }
});

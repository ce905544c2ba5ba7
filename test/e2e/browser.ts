import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { chromium, type Browser, type Page } from "playwright-core";

import { findChromium } from "./find-chromium";

/** Launches Chromium (see find-chromium.ts) headless with no background network and a scratch profile. */
export async function launchBrowser(): Promise<Browser> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-profile-"));
  return chromium.launch({
    executablePath: findChromium().executablePath,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type PageProblems = { consoleErrors: string[]; offsiteRequests: string[] };

/** Records console errors, uncaught page errors and any request that leaves 127.0.0.1. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], offsiteRequests: [] };
  page.on("console", (message) => {
    // Failed loads are reported with their URL by the response listener below.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.consoleErrors.push(message.text());
    }
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.consoleErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && !url.protocol.startsWith("data")) {
      problems.offsiteRequests.push(request.url());
    }
  });
  return problems;
}

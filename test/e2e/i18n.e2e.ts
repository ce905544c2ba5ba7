// Every page type in English and Chinese: the right <html lang>, and no visible text in the other
// language outside content (case and cause texts, code, outputs); the language switch and the offer on `/`.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { getExerciseCatalogue } from "@/lib/training/catalogue";

import { launchBrowser, watchPage } from "./browser";

const baseUrl = inject("baseUrl");
const exercises = getExerciseCatalogue().exercises;
const ticketDrill = exercises.find((e) => e.kind === "ticket");
const signalDrill = exercises.find((e) => e.kind === "signal");

/**
 * What a page shows that is content, code or a parser's note, not interface: the other language may
 * appear there. Cause titles in the cause filter are content; the evidence parsers' names and notes
 * (`the ticket says "..."`, "sysctl settings" in a drill's teaser) are kept in English in both languages.
 */
const CONTENT = [
  "code",
  "pre",
  "kbd",
  "samp",
  "script",
  "style",
  ".prose",
  ".entry-header",
  ".entry-aside li",
  ".case-title",
  ".chip",
  ".cause-summary",
  ".search-hit-title",
  ".ticket",
  ".drill-code",
  ".output-lines",
  "[data-content-snippet]",
  "select[name='cause'] option",
  ".evidence-detail",
  ".evidence-list .card-meta",
  ".drill-row .card-sub",
].join(", ");

/**
 * Visible text nodes and the labels a person meets (placeholder, aria-label, title) in the page's own
 * language: text inside an element marked with another `lang` is that language's, and content is left out.
 */
async function interfaceTexts(page: Page, htmlLang: string): Promise<string[]> {
  return page.evaluate(
    ({ content, htmlLang }) => {
      const ownLanguage = (element: Element) => (element.closest("[lang]")?.getAttribute("lang") ?? "") === htmlLang;
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest(content) || !ownLanguage(element)) continue;
        const style = getComputedStyle(element);
        if (style.display === "none" || style.visibility === "hidden") continue;
        const text = node.textContent?.trim();
        if (text) texts.push(text);
      }
      for (const element of document.body.querySelectorAll("[placeholder], [aria-label], [title]")) {
        if (element.closest(content) || !ownLanguage(element)) continue;
        for (const name of ["placeholder", "aria-label", "title"]) {
          const value = element.getAttribute(name)?.trim();
          if (value) texts.push(value);
        }
      }
      return texts;
    },
    { content: CONTENT, htmlLang },
  );
}

/** Three or more English words in a row (identifiers with digits or punctuation inside are not words). */
const ENGLISH_RUN = /(?<![\w/.-])[A-Za-z][a-z]*(?:[ ,'’][A-Za-z][a-z]*){2,}(?![\w/.-])/;
const CJK = /[\u3400-\u9fff]/;

describe("pages in English and Chinese", () => {
  let browser: Browser;
  /** A triage session per language, on a ticket written in it (a ticket's own words are the customer's). */
  const sessions: Record<string, string> = {};
  const TICKETS = {
    en: "Pods see DNS lookups take exactly 5 s now and then; conntrack -S shows insert_failed rising.",
    zh: "Pod 里的 DNS 解析偶尔正好耗时 5 秒；conntrack -S 显示 insert_failed 在增长。",
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const [language, description] of Object.entries(TICKETS)) {
      const created = await fetch(`${baseUrl}/api/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ description }),
      });
      expect(created.status).toBe(201);
      sessions[language] = ((await created.json()) as { id: string }).id;
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  const pagePaths = (language: "en" | "zh") => [
    "/",
    "/cases",
    "/cases/k8s-dns-5s-conntrack-dnat-race",
    "/causes",
    "/causes/conntrack-insert-race",
    "/search",
    `/search?${new URLSearchParams({ q: "conntrack insert_failed" })}`,
    "/train",
    `/train/${ticketDrill?.id}`,
    `/train/${signalDrill?.id}`,
    "/train/progress",
    "/triage",
    `/triage/${sessions[language]}`,
    "/sign-in",
    "/account",
    "/admin/users",
  ];

  for (const language of [
    { language: "en" as const, prefix: "", htmlLang: "en", foreign: (text: string) => CJK.test(text) },
    { language: "zh" as const, prefix: "/zh", htmlLang: "zh-CN", foreign: (text: string) => ENGLISH_RUN.test(text) },
  ]) {
    it(`shows every page type under ${language.prefix || "/"} in ${language.htmlLang} only, outside content`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems = watchPage(page);
      const found: string[] = [];
      for (const pagePath of pagePaths(language.language)) {
        const url = `${baseUrl}${language.prefix}${pagePath === "/" && language.prefix ? "" : pagePath}`;
        const response = await page.goto(url, { waitUntil: "networkidle" });
        expect(response?.status(), url).toBe(200);
        expect(await page.locator("html").getAttribute("lang"), url).toBe(language.htmlLang);
        for (const text of await interfaceTexts(page, language.htmlLang)) if (language.foreign(text)) found.push(`${pagePath}: ${text}`);
      }
      const notFound = await page.goto(`${baseUrl}${language.prefix}/cases/no-such-case`, { waitUntil: "networkidle" });
      expect(notFound?.status()).toBe(404);
      await page.locator("h1").waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe(language.htmlLang);
      for (const text of await interfaceTexts(page, language.htmlLang)) if (language.foreign(text)) found.push(`404: ${text}`);
      expect(found).toEqual([]);
      expect(problems.offsiteRequests).toEqual([]);
      await context.close();
    });
  }

  it("shows the Chinese body of a case on its Chinese page, with the code as in English", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/zh/cases/k8s-dns-5s-conntrack-dnat-race`, { waitUntil: "networkidle" });
    expect(await page.locator(".prose h2").first().textContent()).toBe("问题");
    expect(await page.locator("[data-missing-translation]").count()).toBe(0);
    const zhCode = await page.locator(".prose pre").allTextContents();
    await page.goto(`${baseUrl}/cases/k8s-dns-5s-conntrack-dnat-race`, { waitUntil: "networkidle" });
    expect(await page.locator(".prose h2").first().textContent()).toBe("Issue");
    expect(await page.locator(".prose pre").allTextContents()).toEqual(zhCode);
    await page.close();
  });

  it("switches language in the header on the same page, and '/' then follows the choice", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/cases/k8s-dns-5s-conntrack-dnat-race`, { waitUntil: "networkidle" });
    await page.locator("[data-switch-locale='zh']").click();
    await page.waitForURL(`${baseUrl}/zh/cases/k8s-dns-5s-conntrack-dnat-race`);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");

    await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    expect(new URL(page.url()).pathname).toBe("/zh");

    await page.goto(`${baseUrl}/zh/search?q=conntrack`, { waitUntil: "networkidle" });
    await page.locator("[data-switch-locale='en']").click();
    await page.waitForURL(`${baseUrl}/search?q=conntrack`);
    await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    expect(new URL(page.url()).pathname).toBe("/");
    await context.close();
  });

  it("offers Chinese once on '/' to a browser that asks for it first, and remembers the answer", async () => {
    const english = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en-US,en;q=0.9" } });
    const englishPage = await english.newPage();
    await englishPage.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    expect(await englishPage.locator("[data-offer]").count()).toBe(0);
    await english.close();

    const chinese = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8" } });
    const page = await chinese.newPage();
    await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    await page.locator("[data-offer='zh']").waitFor();
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.locator("[data-offer]").count()).toBe(0);
    await chinese.close();

    const accepting = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
    const acceptingPage = await accepting.newPage();
    await acceptingPage.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    await acceptingPage.locator("[data-offer='zh']").click();
    await acceptingPage.waitForURL(`${baseUrl}/zh`);
    await acceptingPage.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    expect(new URL(acceptingPage.url()).pathname).toBe("/zh");
    await accepting.close();
  });

  it("walks a Chinese ticket to a confirmed cause and exports a Chinese reply, all in Chinese", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/zh/triage/${sessions.zh}`, { waitUntil: "networkidle" });
    const card = page.locator(".step-card");
    await card.waitFor();
    expect(await card.locator(".eyebrow").textContent()).toMatch(/^(下一个问题|下一条命令)$/);
    expect(await card.locator("h2").textContent()).toMatch(CJK);
    expect(await page.locator("#ranking-title").textContent()).toBe("可能的根因");

    await page.locator(".ranking-item").first().getByRole("button", { name: "确认此根因" }).click();
    await expect.poll(() => card.getAttribute("data-step-kind"), { timeout: 15_000 }).toBe("fix");
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 10_000 }).toBe("已保存");
    await page.getByRole("button", { name: "给客户的回复" }).click();
    const reply = (await page.locator("[data-export=reply]").textContent({ timeout: 15_000 })) ?? "";
    expect(reply).toMatch(CJK);
    await page.close();
  });

  it("takes a ticket drill in Chinese, from the name to the feedback", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/zh/train/${ticketDrill?.id}`, { waitUntil: "networkidle" });
    await page.getByLabel("你的名字（训练进度按名字保存）").fill("中文学员");
    await page.getByRole("button", { name: "开始训练" }).click();
    await page.locator(".drill-step input[type=radio]").first().check();
    await page.getByRole("button", { name: "就这么做" }).click();
    await page.locator("#reveal-title").waitFor();
    await page.locator(".drill-reveal input[type=radio]").first().check();
    await page.getByRole("button", { name: "提交答案" }).click();
    await page.locator("[data-testid=drill-score]").waitFor({ timeout: 15_000 });
    expect(await page.locator("#feedback-title").textContent()).toBe("4. 答题结果");
    expect(await page.locator(".drill-feedback").textContent()).toMatch(CJK);
    await page.close();
  });
});

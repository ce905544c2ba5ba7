// Every page type in English and Chinese: the right <html lang>, and no visible text in the other
// language outside content (case and cause texts, code, outputs, what people wrote); the language switch
// and the offer on `/`; a case written, reviewed and published in Chinese.
import fs from "node:fs";
import path from "node:path";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { splitCaseMdx } from "@/lib/library/case-fields";
import { getExerciseCatalogue } from "@/lib/training/catalogue";

import { launchBrowser, watchPage } from "./browser";
import { ROOT } from "./server";

const baseUrl = inject("baseUrl");
const exercises = getExerciseCatalogue().exercises;
const ticketDrill = exercises.find((e) => e.kind === "ticket");
const signalDrill = exercises.find((e) => e.kind === "signal");
/** A complete case of the repository: the Chinese editor flow writes its fields and body again. */
const { fields: REFERENCE, body: BODY } = splitCaseMdx(fs.readFileSync(path.join(ROOT, "content/cases/k8s-dns-5s-conntrack-dnat-race.mdx"), "utf8"));
const SLOW = { timeout: 20_000 };

/**
 * What a page shows that is content, code or a parser's note, not interface: the other language may
 * appear there. Cause titles in the cause filter and the editor's root-cause choice are content; the evidence parsers' names and notes
 * (`the ticket says "..."`, "sysctl settings" in a drill's teaser) are kept in English in both languages;
 * what a person typed into a text area (a case's body and lists in the editor) is theirs.
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
  "select[name='rootCause'] option",
  ".evidence-detail",
  ".evidence-list .card-meta",
  ".drill-row .card-sub",
  "textarea",
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
  /** A draft written in the app with only a title: its editor lists what is missing. */
  let draftId = "";
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
    const draft = await fetch(`${baseUrl}/api/cases`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // It has an unfinished Chinese version too: its fields and problems are walked in each editor's language.
      body: JSON.stringify({
        title: "Intermittent resets behind the office proxy",
        zh: { symptoms: ["办公室代理后面的连接偶尔被重置"], body: "## 问题\n\n```bash\ncurl -v https://intranet.example\n```\n" },
      }),
    });
    expect(draft.status).toBe(201);
    draftId = ((await draft.json()) as { id: string }).id;
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
    "/library",
    "/library/new",
    `/library/${draftId}/edit`,
    "/review",
    "/insights",
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

  it("writes a case in the Chinese editor, submits and publishes it, and shows it on its Chinese page", async () => {
    const page = await (await browser.newContext()).newPage();
    const problems = watchPage(page);
    await page.goto(`${baseUrl}/zh/library/new`, { waitUntil: "networkidle" });
    expect(await page.locator("h1").first().textContent()).toBe("新建案例");
    // The blank case's first problem, in Chinese; the body starts with the sections the check expects.
    await expect.poll(() => page.getByLabel("标题（英文）").locator("..").locator(".field-error").allTextContents(), SLOW).toEqual(["案例需要标题"]);
    expect(await page.getByLabel("正文（MDX）").inputValue()).toMatch(/^## Issue\n/);
    expect(await page.locator("[data-section-headings] code[lang=zh]").allTextContents()).toEqual([
      "## 问题",
      "## 环境",
      "## 诊断",
      "## 原因",
      "## 解决",
      "## 下次如何识别",
    ]);

    const title = "Kiwi pods see 5 s DNS delays after the node pool upgrade";
    const titleZh = "几维集群节点池升级后 Pod 内 DNS 解析偶尔 5 秒延时";
    await page.getByLabel("标题（英文）").fill(title);
    await page.getByLabel("中文标题").fill("待补充");
    await expect.poll(() => page.getByLabel("中文标题").locator("..").locator(".field-error").allTextContents(), SLOW).toContain("还有待补充的占位内容");
    await page.getByLabel("中文标题").fill(titleZh);
    await page.getByRole("combobox", { name: /^根因/ }).selectOption(REFERENCE.rootCause!);
    for (const platform of ["Kubernetes", "Linux"]) await page.getByRole("checkbox", { name: platform }).check();
    for (const layer of ["DNS", "内核", "容器"]) await page.getByRole("checkbox", { name: layer }).check();
    await page.getByLabel("症状（每行一条）").fill(REFERENCE.symptoms!.join("\n"));
    await page.getByLabel("别名，中英文都要有（每行一个）").fill(REFERENCE.aliases!.join("\n"));
    await page.getByLabel("工单或章节").fill("KIWI-7");
    await page.getByLabel("正文（MDX）").fill(BODY);
    await expect.poll(() => page.locator("[data-check-state]").textContent(), SLOW).toBe("已通过全部内容检查。");
    // The preview labels the body's code blocks in Chinese.
    expect(await page.locator(".case-preview .code-block-kind").first().textContent()).toMatch(/^(命令|输出)$/);

    await page.getByRole("button", { name: "创建草稿" }).click();
    await page.waitForURL(/\/zh\/library\/[a-z0-9-]+\/edit$/, SLOW);
    const id = page.url().split("/").at(-2)!;
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect.poll(() => page.getByText("审核中（第 2 版）。").count(), SLOW).toBe(1);
    await page.getByRole("button", { name: "发布" }).click();
    await expect.poll(() => page.getByText("已发布（第 3 版）。").count(), SLOW).toBe(1);
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.locator(".revision-list strong").allTextContents()).toEqual(["发布", "提交审核", "创建"]);
    const found: string[] = [];
    for (const text of await interfaceTexts(page, "zh-CN")) if (ENGLISH_RUN.test(text)) found.push(text);
    expect(found).toEqual([]);
    // The header's switch keeps the editor's page; back in Chinese through it.
    await page.locator("[data-switch-locale='en']").click();
    await page.waitForURL(`${baseUrl}/library/${id}/edit`);
    expect(await page.locator("h1").first().textContent()).toBe(`Edit ${id}`);
    await page.locator("[data-switch-locale='zh']").click();
    await page.waitForURL(`${baseUrl}/zh/library/${id}/edit`);

    await page.goto(`${baseUrl}/zh/cases/${id}`, { waitUntil: "networkidle" });
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator("h1").textContent()).toBe(titleZh);
    expect(await page.locator("[data-missing-translation]").count()).toBe(1);
    expect((await interfaceTexts(page, "zh-CN")).filter((text) => ENGLISH_RUN.test(text))).toEqual([]);
    await page.goto(`${baseUrl}/zh/library`, { waitUntil: "networkidle" });
    expect(await page.locator(`section[aria-labelledby=state-published] a[href='/zh/cases/${id}']`).count()).toBe(1);

    // Publishing an unfinished draft is refused, with the failed check named in Chinese.
    await page.goto(`${baseUrl}/zh/library/${draftId}/edit`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "发布" }).click();
    const refusal = page.locator(".case-actions [role=alert]");
    await refusal.waitFor(SLOW);
    expect(await refusal.textContent()).toMatch(/^未完成：[\w.]+：\S*[\u3400-\u9fff]/);
    expect(await refusal.textContent()).not.toMatch(ENGLISH_RUN);
    expect(problems.consoleErrors.filter((error) => !/422/.test(error))).toEqual([]);
    expect(problems.offsiteRequests).toEqual([]);
  }, 180_000);
});

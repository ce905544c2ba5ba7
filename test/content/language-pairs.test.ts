import { describe, expect, it } from "vitest";

import { checkLanguagePair, listMissingZhPages, missingNumbers } from "@/lib/content/language-pairs";
import { parseCaseEntry, parseCaseZhPage, type CaseEntry } from "@/lib/content/parse-entry";

import { caseSource, caseZhSource } from "../factories";

const EN_BODY = [
  "## Issue",
  "",
  "Uploads over 1500 bytes stall; `ping -M do -s 1472` fails.",
  "",
  "## Environment",
  "",
  "Text.",
  "",
  "## Diagnosis",
  "",
  "### Step 1: Probe the path",
  "",
  "```bash",
  "ping -M do -s 1472 10.0.0.2",
  "```",
  "",
  "```text",
  "ping: local error: message too long, mtu=1450",
  "```",
  "",
  "## Cause",
  "",
  "Text.",
  "",
  "## Resolution",
  "",
  "Text.",
  "",
  "## How to spot it next time",
  "",
  "Text.",
  "",
].join("\n");

const ZH_BODY = [
  "## 问题",
  "",
  "超过 1500 字节的上传卡住；`ping -M do -s 1472` 失败。",
  "",
  "## 环境",
  "",
  "正文。",
  "",
  "## 诊断",
  "",
  "### 第 1 步：探测路径",
  "",
  "```bash",
  "ping -M do -s 1472 10.0.0.2",
  "```",
  "",
  "```text",
  "ping: local error: message too long, mtu=1450",
  "```",
  "",
  "## 原因",
  "",
  "正文。",
  "",
  "## 解决",
  "",
  "正文。",
  "",
  "## 下次如何识别",
  "",
  "正文。",
  "",
].join("\n");

const TITLE_ZH = "超过 1500 字节的上传卡住";

function pair(en: { frontmatter?: Record<string, unknown>; body?: string } = {}, zh: { frontmatter?: Record<string, unknown>; body?: string } = {}): CaseEntry {
  const english = parseCaseEntry(
    "content/cases/sample-case.mdx",
    caseSource({ title: "Uploads over 1500 bytes stall", titleZh: TITLE_ZH, ...en.frontmatter }, en.body ?? EN_BODY),
  );
  const chinese = parseCaseZhPage("content/zh/cases/sample-case.mdx", caseZhSource({ title: TITLE_ZH, ...zh.frontmatter }, zh.body ?? ZH_BODY), "problem");
  if (!english.ok || !chinese.ok) throw new Error(JSON.stringify([english, chinese]));
  return { ...english.entry, zh: chinese.entry };
}

const messages = (entry: CaseEntry) => checkLanguagePair(entry).map((p) => p.message);

describe("checkLanguagePair", () => {
  it("accepts a Chinese page that keeps the code, spans, numbers and outline", () => {
    expect(checkLanguagePair(pair())).toEqual([]);
  });

  it("requires the Chinese title to be the English page's titleZh", () => {
    expect(messages(pair({}, { frontmatter: { title: "另一个标题" } }))).toContainEqual(
      expect.stringMatching(/^title: "另一个标题" must equal the English page's titleZh "超过 1500 字节的上传卡住"/),
    );
  });

  it("finds a number of the English title missing from the Chinese title", () => {
    const entry = pair({ frontmatter: { titleZh: "上传卡住" } }, { frontmatter: { title: "上传卡住" } });
    expect(messages(entry)).toEqual(["title: the number 1500 of the English title is missing"]);
  });

  it("finds a changed code block and names the English line", () => {
    const entry = pair({}, { body: ZH_BODY.replace("mtu=1450", "mtu=1500") });
    const [problem] = checkLanguagePair(entry);
    expect(problem).toMatchObject({
      file: "content/zh/cases/sample-case.mdx",
      message: expect.stringMatching(/^code block 2 differs from the English page's \(line \d+\)/),
    });
  });

  it("finds a translated code block language and a missing block", () => {
    expect(messages(pair({}, { body: ZH_BODY.replace("```text", "```bash") }))).toContainEqual(expect.stringMatching(/^code block 2 differs/));
    const withoutOutput = ZH_BODY.replace("```text\nping: local error: message too long, mtu=1450\n```\n", "");
    expect(messages(pair({}, { body: withoutOutput }))).toContainEqual(expect.stringMatching(/^code block 2 of 2 \(```text\) is missing/));
  });

  it("finds an inline code span of the English body missing in the Chinese one", () => {
    const entry = pair({}, { body: ZH_BODY.replace("`ping -M do -s 1472`", "ping 命令") });
    expect(messages(entry)).toEqual(["inline code `ping -M do -s 1472` of the English page is missing"]);
  });

  it("finds a missing ### heading in the outline", () => {
    const entry = pair({}, { body: ZH_BODY.replace("### 第 1 步：探测路径", "第 1 步：探测路径") });
    expect(messages(entry)).toEqual([
      expect.stringMatching(/^headings: 7 ## and ### headings in the English page, 6 here; heading 4 should be ### \(the English "Step 1: Probe the path"\)/),
    ]);
  });

  it("compares symptoms by count and numbers", () => {
    expect(messages(pair({ frontmatter: { symptoms: ["a", "b"] } }))).toEqual(["symptoms: 1 listed, the English page lists 2 (same order and count)"]);
    expect(messages(pair({ frontmatter: { symptoms: ["stalls after 60 s"] } }))).toEqual(["symptoms.0: the number 60 is missing"]);
  });

  it("lists English pages without a Chinese page", () => {
    const entry = { ...pair(), zh: undefined };
    expect(listMissingZhPages([entry])).toEqual([
      { file: "content/cases/sample-case.mdx", line: 1, message: "missing Chinese page content/zh/cases/sample-case.mdx" },
    ]);
  });
});

describe("missingNumbers", () => {
  it("keeps versions and decimals whole", () => {
    expect(missingNumbers("kernel 3.10.0 drops 0.5%", "内核 3.10 丢弃 0.5%")).toEqual(["3.10.0"]);
  });

  it("compares numbers by value across the ways Chinese writes them", () => {
    expect(
      missingNumbers("20k connections, about 1.4 million goroutines, a layer-7 gateway, 127 s", "2 万多连接，将近 140 万个 goroutine，七层网关，127 秒"),
    ).toEqual([]);
    expect(missingNumbers("20k connections", "2000 个连接")).toEqual(["20k"]);
  });

  it("reads digits inside a name as part of the name", () => {
    expect(missingNumbers("Redis on EC2 behind an L4 SLB", "自建 Redis，四层负载均衡")).toEqual([]);
  });
});

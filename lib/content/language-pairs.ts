/**
 * Every library page exists in English and Chinese, and the two agree on what can be compared without
 * reading the prose: fenced code (byte for byte, in order), inline code spans, the numbers of the title
 * and frontmatter, and the outline (## and ### headings, in order). content:check runs these.
 */
import type { InlineCode, Nodes } from "mdast";

import { listCodeBlocks, nodeText, parseMarkdown } from "./markdown";
import type { CaseZhPage, ContentEntry, ContentProblem, ParsedPage } from "./parse-entry";

/** The Chinese file that belongs to an English entry. */
export function zhFileOf(entry: Pick<ContentEntry, "file">): string {
  return entry.file.replace(/^content\//, "content/zh/");
}

/** English entries that have no Chinese page yet. */
export function listMissingZhPages(entries: ContentEntry[]): ContentProblem[] {
  return entries.filter((entry) => !entry.zh).map((entry) => ({ file: entry.file, line: 1, message: `missing Chinese page ${zhFileOf(entry)}` }));
}

/** Disagreements between an entry and its Chinese page, located in the Chinese file. */
export function checkLanguagePair(entry: ContentEntry): ContentProblem[] {
  const zh = entry.zh;
  if (!zh) return [];
  const problems: ContentProblem[] = [];
  const report = (line: number, message: string) => problems.push({ file: zh.file, line, message });

  if (zh.frontmatter.title !== entry.frontmatter.titleZh) {
    report(lineOf(zh.source, "title:"), `title: "${zh.frontmatter.title}" must equal the English page's titleZh "${entry.frontmatter.titleZh}"`);
  }
  for (const number of missingNumbers(entry.frontmatter.title, zh.frontmatter.title)) {
    report(lineOf(zh.source, "title:"), `title: the number ${number} of the English title is missing`);
  }
  if (entry.kind === "case" && entry.zh) checkSymptoms(entry.frontmatter.symptoms, entry.zh, report);
  if (entry.kind === "rootCause" && entry.zh) {
    for (const number of missingNumbers(entry.frontmatter.summary, entry.zh.frontmatter.summary)) {
      report(lineOf(zh.source, "summary:"), `summary: the number ${number} of the English summary is missing`);
    }
  }

  checkCodeBlocks(entry, zh, report);
  const zhSpans = new Set(inlineCodeSpans(zh.body).map((span) => span.value));
  for (const span of new Set(inlineCodeSpans(entry.body).map((s) => s.value))) {
    if (!zhSpans.has(span)) report(zh.bodyStartLine, `inline code \`${span}\` of the English page is missing`);
  }
  checkOutline(entry, zh, report);
  return problems;
}

type Report = (line: number, message: string) => void;

function checkSymptoms(english: string[], zh: CaseZhPage, report: Report): void {
  const chinese = zh.frontmatter.symptoms;
  const line = lineOf(zh.source, "symptoms:");
  if (english.length !== chinese.length) {
    report(line, `symptoms: ${chinese.length} listed, the English page lists ${english.length} (same order and count)`);
    return;
  }
  english.forEach((symptom, index) => {
    for (const number of missingNumbers(symptom, chinese[index])) report(line + 1 + index, `symptoms.${index}: the number ${number} is missing`);
  });
}

function checkCodeBlocks(entry: ContentEntry, zh: ParsedPage<unknown>, report: Report): void {
  const english = listCodeBlocks(entry.body);
  const chinese = listCodeBlocks(zh.body);
  const count = Math.max(english.length, chinese.length);
  for (let i = 0; i < count; i++) {
    const en = english[i];
    const cn = chinese[i];
    if (!cn) {
      report(
        zh.bodyStartLine,
        `code block ${i + 1} of ${english.length} (\`\`\`${en.lang}) is missing: the English page has ${english.length}, this one ${chinese.length}`,
      );
      return;
    }
    const line = zh.bodyStartLine + cn.line - 1;
    if (!en) {
      report(line, `code block ${i + 1} is not in the English page (it has ${english.length})`);
      return;
    }
    if (en.lang !== cn.lang || en.text !== cn.text) {
      report(line, `code block ${i + 1} differs from the English page's (line ${entry.bodyStartLine + en.line - 1}): copy it byte for byte`);
    }
  }
}

function checkOutline(entry: ContentEntry, zh: ParsedPage<unknown>, report: Report): void {
  const english = outline(entry.body);
  const chinese = outline(zh.body);
  const shape = (headings: Heading[]) => headings.map((h) => "#".repeat(h.depth)).join(" ");
  if (shape(english) === shape(chinese)) return;
  const at = english.findIndex((h, i) => chinese[i]?.depth !== h.depth);
  const index = at === -1 ? english.length : at;
  const line = chinese[index] ? zh.bodyStartLine + chinese[index].line - 1 : zh.bodyStartLine;
  const expected = english[index] ? `${"#".repeat(english[index].depth)} (the English "${english[index].text}")` : "no more headings";
  report(line, `headings: ${english.length} ## and ### headings in the English page, ${chinese.length} here; heading ${index + 1} should be ${expected}`);
}

type Heading = { depth: number; text: string; line: number };

/** The ## and ### headings of a body, in order. */
function outline(body: string): Heading[] {
  return parseMarkdown(body).children.flatMap((node) =>
    node.type === "heading" && (node.depth === 2 || node.depth === 3)
      ? [{ depth: node.depth, text: nodeText(node).trim(), line: node.position?.start.line ?? 1 }]
      : [],
  );
}

function inlineCodeSpans(body: string): InlineCode[] {
  const spans: InlineCode[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "inlineCode") spans.push(node);
    else if ("children" in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(parseMarkdown(body));
  return spans;
}

/**
 * Numbers of the English text the Chinese one lacks, compared by value: "20k" is "2 万", "1.4 million" is
 * "140 万", "layer 7" is "七层". Versions (3.10.0) must appear as written. Digits inside a name (EC2, L4,
 * k8s) are part of the name, not numbers.
 */
export function missingNumbers(english: string, chinese: string): string[] {
  const present = chineseNumbers(chinese);
  return [...new Set([...english.matchAll(ENGLISH_NUMBER)].map((m) => m[0].trim()))].filter((written) => {
    const value = englishValue(written);
    return !present.has(written) && !(value !== undefined && present.has(String(value)));
  });
}

const ENGLISH_NUMBER = /(?<![\w.])\d+(?:\.\d+)*(?:\s?(?:k|million)\b)?(?![\w])/gi;
const CHINESE_NUMBER = /\d+(?:\.\d+)*\s?[万亿]?|[零一二两三四五六七八九十百]+/g;
const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function englishValue(written: string): number | undefined {
  const [, digits, unit] = /^([\d.]+)\s?(k|million)?$/i.exec(written) ?? [];
  if (!digits || digits.split(".").length > 2) return undefined;
  return round(Number(digits) * (unit?.toLowerCase() === "k" ? 1e3 : unit ? 1e6 : 1));
}

/** Every number of a Chinese text, as written and by value. */
function chineseNumbers(text: string): Set<string> {
  const found = new Set<string>();
  for (const [written] of text.matchAll(CHINESE_NUMBER)) {
    const trimmed = written.replace(/\s/g, "");
    const digits = /^[\d.]+/.exec(trimmed)?.[0];
    if (digits) {
      found.add(digits);
      const multiplier = trimmed.endsWith("万") ? 1e4 : trimmed.endsWith("亿") ? 1e8 : 1;
      if (digits.split(".").length <= 2) found.add(String(round(Number(digits) * multiplier)));
    } else {
      const value = chineseNumeral(trimmed);
      if (value !== undefined) found.add(String(value));
    }
  }
  return found;
}

/** 七 -> 7, 十五 -> 15, 二十 -> 20, 三百 -> 300; undefined for what it cannot read. */
function chineseNumeral(text: string): number | undefined {
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char in DIGITS) current = DIGITS[char];
    else if (char === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else if (char === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function lineOf(source: string, prefix: string): number {
  const index = source.split("\n").findIndex((line) => line.startsWith(prefix));
  return index === -1 ? 1 : index + 1;
}

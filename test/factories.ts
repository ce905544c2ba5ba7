// Small builders for content fixtures.
import fs from "node:fs";
import path from "node:path";

import matter from "gray-matter";

import { splitCaseMdx, type CaseFields, type ZhVersion } from "@/lib/library/case-fields";

const ROOT = path.join(import.meta.dirname, "..");
export function caseFrontmatter(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "sample-case",
    title: "Sample case",
    titleZh: "示例案例",
    type: "problem",
    status: "resolved",
    rootCause: "mtu-mismatch",
    suspectedCauses: [],
    platform: ["linux"],
    layers: ["network"],
    symptoms: ["large transfers stall"],
    aliases: ["mtu blackhole", "MTU 黑洞"],
    source: { file: "004_590f59fa6eb686e5.txt", section: "section" },
    ...overrides,
  };
}

const PROBLEM_BODY = ["Issue", "Environment", "Diagnosis", "Cause", "Resolution", "How to spot it next time"]
  .map((heading) => `## ${heading}\n\nText.\n`)
  .join("\n");

/** An MDX case file: YAML frontmatter (JSON is valid YAML) plus a body with the required sections. */
export function caseSource(overrides: Record<string, unknown> = {}, body = PROBLEM_BODY): string {
  const yaml = Object.entries(caseFrontmatter(overrides))
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}`;
}

const PROBLEM_BODY_ZH = ["问题", "环境", "诊断", "原因", "解决", "下次如何识别"].map((heading) => `## ${heading}\n\n正文。\n`).join("\n");

/** The Chinese page of a case (`content/zh/cases/<id>.mdx`). */
export function caseZhSource(overrides: Record<string, unknown> = {}, body = PROBLEM_BODY_ZH): string {
  const frontmatter = { id: "sample-case", title: "示例案例", symptoms: ["大文件传输卡住"], ...overrides };
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}`;
}

/**
 * A repository case as an in-app case is written: its fields (no id, no related cases), body and Chinese
 * version (the symptoms and body of its content/zh page).
 */
export function repositoryCaseWithZh(id: string): { fields: Omit<CaseFields, "id">; body: string; zh: ZhVersion } {
  const { fields, body } = splitCaseMdx(fs.readFileSync(path.join(ROOT, `content/cases/${id}.mdx`), "utf8"));
  const page = matter(fs.readFileSync(path.join(ROOT, `content/zh/cases/${id}.mdx`), "utf8"), {});
  const { id: _id, ...rest } = { ...fields, related: [] } as CaseFields;
  return { fields: rest, body, zh: { symptoms: page.data.symptoms as string[], body: page.content.replace(/^\n+/, "") } };
}

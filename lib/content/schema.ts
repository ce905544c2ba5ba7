import { z } from "zod";

import { CJK_CHAR } from "../i18n/cjk";
import { ROOT_CAUSE_IDS } from "./root-cause-ids";

export const SEED_FILES = [
  "000_d9709133fe1660b2.txt",
  "001_ffbba08da076dbdc.txt",
  "002_cb25d78bd3a8f1ea.txt",
  "003_e902ee583b4d4856.txt",
  "004_590f59fa6eb686e5.txt",
] as const;

export const PLATFORMS = [
  "aws",
  "aliyun",
  "tencent-cloud",
  "kubernetes",
  "docker",
  "linux",
  "windows",
  "go",
  "nginx",
  "node",
  "java",
  "php",
  "database",
  "private-cloud",
] as const;

export const LAYERS = ["physical", "link", "network", "transport", "dns", "application", "kernel", "container", "load-balancer", "carrier", "host"] as const;

export const CASE_TYPES = ["problem", "how-to", "technique"] as const;
export const CASE_STATUSES = ["resolved", "unresolved"] as const;

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase kebab-case slug");

export const rootCauseIdSchema = z.enum(ROOT_CAUSE_IDS, {
  // The input may be anything a client sent: only a string is quoted back (String() of an object can throw).
  error: (issue) =>
    typeof issue.input === "string"
      ? `unknown root-cause id "${issue.input.slice(0, 100)}"`
      : `expected a root-cause id, got ${Array.isArray(issue.input) ? "an array" : issue.input === null ? "null" : typeof issue.input}`,
});

const phrase = z.string().trim().min(1);
const phraseList = z.array(phrase);
const chinesePhrase = phrase.refine((t) => CJK_CHAR.test(t), "must contain Chinese text");
const aliasList = z
  .array(phrase)
  .min(2)
  .refine((aliases) => aliases.some((a) => CJK_CHAR.test(a)), "needs at least one Chinese alias")
  .refine((aliases) => aliases.some((a) => !CJK_CHAR.test(a)), "needs at least one English alias");

export const caseFrontmatterSchema = z
  .object({
    id: slugSchema,
    title: phrase,
    titleZh: chinesePhrase,
    type: z.enum(CASE_TYPES),
    status: z.enum(CASE_STATUSES),
    rootCause: rootCauseIdSchema.nullable(),
    suspectedCauses: z.array(rootCauseIdSchema).default([]),
    ruledOutCauses: z.array(rootCauseIdSchema).default([]),
    relatedCauses: z.array(rootCauseIdSchema).default([]),
    platform: z.array(z.enum(PLATFORMS)).min(1),
    layers: z.array(z.enum(LAYERS)).min(1),
    symptoms: phraseList.min(1),
    errorStrings: phraseList.default([]),
    commands: phraseList.default([]),
    tags: phraseList.default([]),
    aliases: aliasList,
    /** Where the case comes from: a seed file name, or the ticket for cases written later. */
    source: z.object({ file: phrase, section: phrase }),
    related: z.array(slugSchema).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.type === "problem" && c.status === "resolved" && c.rootCause === null) {
      ctx.addIssue({ code: "custom", path: ["rootCause"], message: "a resolved problem needs a root cause" });
    }
    if (c.status === "unresolved" && c.rootCause !== null) {
      ctx.addIssue({ code: "custom", path: ["rootCause"], message: "an unresolved case has rootCause: null and lists suspectedCauses" });
    }
    if (c.type !== "problem" && c.rootCause !== null) {
      ctx.addIssue({ code: "custom", path: ["rootCause"], message: `a ${c.type} entry has no root cause; use relatedCauses` });
    }
    if (c.related.includes(c.id)) {
      ctx.addIssue({ code: "custom", path: ["related"], message: "a case cannot be related to itself" });
    }
  });

export type CaseFrontmatter = z.infer<typeof caseFrontmatterSchema>;

export const rootCauseFrontmatterSchema = z
  .object({
    id: rootCauseIdSchema,
    title: phrase,
    titleZh: chinesePhrase,
    summary: phrase,
    layers: z.array(z.enum(LAYERS)).min(1),
    aliases: aliasList,
    signals: phraseList.min(1),
  })
  .strict();

export type RootCauseFrontmatter = z.infer<typeof rootCauseFrontmatterSchema>;

/** Frontmatter of a case's Chinese page (`content/zh/cases/<id>.mdx`): the rest is the English file's. */
export const caseZhFrontmatterSchema = z
  .object({
    id: slugSchema,
    title: chinesePhrase,
    symptoms: z.array(chinesePhrase).min(1),
  })
  .strict();

export type CaseZhFrontmatter = z.infer<typeof caseZhFrontmatterSchema>;

/** Frontmatter of a root cause's Chinese page (`content/zh/root-causes/<id>.mdx`). */
export const rootCauseZhFrontmatterSchema = z
  .object({
    id: rootCauseIdSchema,
    title: chinesePhrase,
    summary: chinesePhrase,
  })
  .strict();

export type RootCauseZhFrontmatter = z.infer<typeof rootCauseZhFrontmatterSchema>;

/** Body headings each kind of entry must have, in order. */
export const REQUIRED_HEADINGS = {
  problem: ["Issue", "Environment", "Diagnosis", "Cause", "Resolution", "How to spot it next time"],
  "how-to": ["Question", "Answer", "Takeaways"],
  technique: ["Question", "Answer", "Takeaways"],
  rootCause: ["Definition", "How it shows", "How to confirm", "Fix and prevention"],
} as const;

/** The same headings on the Chinese pages. */
export const REQUIRED_HEADINGS_ZH = {
  problem: ["问题", "环境", "诊断", "原因", "解决", "下次如何识别"],
  "how-to": ["问题", "解答", "要点"],
  technique: ["问题", "解答", "要点"],
  rootCause: ["定义", "表现", "如何确认", "修复与预防"],
} as const satisfies { [K in keyof typeof REQUIRED_HEADINGS]: readonly string[] };

import { z } from "zod";

import { ENTRY_SYMPTOMS } from "../content/entry-symptoms";
import { rootCauseIdSchema, slugSchema } from "../content/schema";
import { PARSER_IDS } from "../evidence/parser-ids";
import { isSignalId, type SignalId } from "../evidence/vocabulary";
import { CJK_CHAR } from "../i18n/cjk";

export const COMMAND_LOCATIONS = ["client", "server", "load-balancer", "proxy", "node", "pod", "both-ends", "dns-client", "any-host"] as const;

/** The Chinese text of a field: every node carries its texts in English and in Chinese. */
const chineseText = z
  .string()
  .min(1)
  .refine((text) => CJK_CHAR.test(text), "must contain Chinese text");

const signalIdSchema = z.custom<SignalId>((value) => typeof value === "string" && isSignalId(value), {
  error: (issue) => `unknown signal id "${String(issue.input)}"`,
});

export const answerSchema = z
  .object({
    value: slugSchema,
    label: z.string().min(1),
    labelZh: chineseText,
    /** Evidence this answer stands for; an answer is implied when any of these is already observed. */
    signals: z.array(signalIdSchema).default([]),
    next: slugSchema.optional(),
  })
  .strict();

export const questionNodeSchema = z
  .object({
    kind: z.literal("question"),
    id: slugSchema,
    text: z.string().min(1),
    textZh: chineseText,
    help: z.string().optional(),
    helpZh: chineseText.optional(),
    answers: z.array(answerSchema).min(2),
    cost: z.number().positive().default(1),
  })
  .strict()
  .refine((node) => (node.help === undefined) === (node.helpZh === undefined), { error: "help and helpZh come together", path: ["helpZh"] });

export const commandNodeSchema = z
  .object({
    kind: z.literal("command"),
    id: slugSchema,
    title: z.string().min(1),
    titleZh: chineseText,
    /** The exact command line; `default` plus per-platform variants where they differ. */
    command: z.object({ default: z.string().min(1) }).catchall(z.string().min(1)),
    where: z.enum(COMMAND_LOCATIONS),
    lookFor: z.string().min(1),
    lookForZh: chineseText,
    /** Id of the evidence parser that reads this command's output. */
    parser: z.enum(PARSER_IDS),
    cost: z.number().positive().default(2),
    next: slugSchema.optional(),
  })
  .strict();

export const leafNodeSchema = z
  .object({
    kind: z.literal("leaf"),
    id: slugSchema,
    causes: z.array(rootCauseIdSchema).min(1),
    note: z.string().optional(),
    noteZh: chineseText.optional(),
  })
  .strict()
  .refine((node) => (node.note === undefined) === (node.noteZh === undefined), { error: "note and noteZh come together", path: ["noteZh"] });

export const treeNodeSchema = z.discriminatedUnion("kind", [questionNodeSchema, commandNodeSchema, leafNodeSchema]);

const entrySymptomIds = ENTRY_SYMPTOMS.map((s) => s.id) as [string, ...string[]];

export const treeSchema = z
  .object({
    id: slugSchema,
    symptom: z.enum(entrySymptomIds),
    title: z.string().min(1),
    titleZh: chineseText,
    start: slugSchema,
    nodes: z.array(treeNodeSchema).min(1),
  })
  .strict();

export type Answer = z.infer<typeof answerSchema>;
export type QuestionNode = z.infer<typeof questionNodeSchema>;
export type CommandNode = z.infer<typeof commandNodeSchema>;
export type LeafNode = z.infer<typeof leafNodeSchema>;
export type TreeNode = z.infer<typeof treeNodeSchema>;
export type Tree = z.infer<typeof treeSchema>;

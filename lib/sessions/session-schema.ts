import { z } from "zod";

import { rootCauseIdSchema } from "../content/schema";
import { checkPastedText, pastedTextSchema } from "../pasted-text";
import { diagnoseInputSchema } from "../triage/diagnose-schema";
import { shownDiagnosisSchema, type ShownDiagnosis } from "./shown-diagnosis";

export const SESSION_STATUSES = ["open", "confirmed", "closed"] as const;

export const outputsSchema = diagnoseInputSchema.shape.outputs.unwrap();
const answersSchema = diagnoseInputSchema.shape.answers.unwrap();
const titleSchema = z.string().trim().max(200, "at most 200 characters");

/** The ticket as typed in; the new-ticket form builds its schema from these fields. */
export const ticketFieldsSchema = z.object({
  title: titleSchema.optional(),
  ticketRef: z.string().trim().max(100, "at most 100 characters").default(""),
  description: pastedTextSchema,
});

/** POST /api/sessions */
export const createSessionSchema = ticketFieldsSchema
  .extend({
    outputs: outputsSchema.default([]),
    answers: answersSchema.default({}),
    shared: z.boolean().default(false),
  })
  .superRefine((input, ctx) => checkPastedText(ctx, "description", [input.description, ...input.outputs.map((o) => o.text)]));

/** PUT /api/sessions/[id]: the fields to change plus the version they were read at. */
export const updateSessionSchema = z
  .object({
    version: z.number().int().positive(),
    title: titleSchema.min(1).optional(),
    ticketRef: ticketFieldsSchema.shape.ticketRef.unwrap().optional(),
    description: pastedTextSchema.optional(),
    outputs: outputsSchema.optional(),
    answers: answersSchema.optional(),
    notes: z.string().max(100_000).optional(),
    status: z.enum(SESSION_STATUSES).optional(),
    confirmedCause: rootCauseIdSchema.nullable().optional(),
    shared: z.boolean().optional(),
    /** The diagnosis the wizard showed when the engineer made this change. */
    shownDiagnosis: shownDiagnosisSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => checkPastedText(ctx, "description", [input.description, ...(input.outputs ?? []).map((o) => o.text)]));

export type CreateSessionInput = z.input<typeof createSessionSchema>;
export type UpdateSessionInput = z.infer<typeof updateSessionSchema>;

/** JSON columns read back from the database are re-checked. */
export const storedOutputsSchema = outputsSchema;
export const storedAnswersSchema = answersSchema;

export type TriageSessionView = {
  id: string;
  ticketRef: string;
  title: string;
  description: string;
  answers: Record<string, string>;
  outputs: { command?: string; text: string }[];
  notes: string;
  status: (typeof SESSION_STATUSES)[number];
  confirmedCause: string | null;
  /** When the cause was confirmed; null while none is. */
  confirmedAt: string | null;
  /** The diagnosis the wizard last showed with a change (engine version and causes); null before any. */
  shownDiagnosis: ShownDiagnosis | null;
  version: number;
  /** Whether every signed-in engineer may open it. */
  shared: boolean;
  /** Emails of the creator and the last to save; null when sign-in was off. */
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
};

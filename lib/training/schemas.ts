import { z } from "zod";

import { rootCauseIdSchema } from "../content/schema";
import { LANGS } from "../triage/language";
import { EXERCISE_ID_PATTERN } from "./exercise";

/** Largest training request body; the payloads are a few hundred bytes. */
export const MAX_TRAINING_BODY_BYTES = 16 * 1024;

/** A drill attempt longer than a day is a tab left open, not a measurement. */
export const MAX_DURATION_MS = 24 * 3_600_000;

export const learnerNameSchema = z
  .string()
  .trim()
  .min(1, "enter a name")
  .max(60, "at most 60 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u, "letters, digits, spaces and . _ ' - only");

export const learnerIdSchema = z.string().regex(/^[a-z0-9]{1,40}$/, "not a learner id");

/** POST /api/train/learners */
export const createLearnerSchema = z.object({ name: learnerNameSchema }).strict();

/** The language of drill texts and feedback; English without it. */
const langSchema = z.enum(LANGS).optional();

/** POST /api/train/attempts */
export const createAttemptSchema = z
  .object({
    learnerId: learnerIdSchema,
    exerciseId: z.string().regex(EXERCISE_ID_PATTERN, "not a drill id"),
    durationMs: z.number().int().min(0).max(MAX_DURATION_MS),
    answer: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("ticket"), stepId: z.string().min(1).max(100), causeId: rootCauseIdSchema }).strict(),
      z.object({ kind: z.literal("signal"), line: z.number().int().min(1) }).strict(),
    ]),
    lang: langSchema,
  })
  .strict();

/** GET /api/train/queue?learner=<id>[&lang=en|zh] */
export const queueQuerySchema = z.object({ learner: learnerIdSchema, lang: langSchema });

export type CreateLearnerInput = z.infer<typeof createLearnerSchema>;
export type CreateAttemptInput = z.infer<typeof createAttemptSchema>;

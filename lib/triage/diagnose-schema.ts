import { z } from "zod";

import { checkPastedText, MAX_TICKET_BODY_BYTES, pastedTextSchema } from "../pasted-text";
import { LANGS } from "./language";

/** Largest accepted request body (bytes): the HTTP route answers 413 above it. */
export const MAX_DIAGNOSE_BYTES = MAX_TICKET_BODY_BYTES;

export const diagnoseInputSchema = z
  .object({
    description: pastedTextSchema,
    outputs: z
      .array(
        z.object({
          command: z.string().max(2000).optional(),
          text: pastedTextSchema,
        }),
      )
      .max(100)
      .optional(),
    answers: z.record(z.string().min(1).max(100), z.string().min(1).max(100)).optional(),
    /** The language of the result; without it, the description's (see languageOf). */
    lang: z.enum(LANGS).optional(),
  })
  .superRefine((input, ctx) => checkPastedText(ctx, "description", [input.description, ...(input.outputs ?? []).map((o) => o.text)]));

export type DiagnoseInput = z.infer<typeof diagnoseInputSchema>;

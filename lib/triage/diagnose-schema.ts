import { z } from "zod";

/** Largest accepted request body (bytes): the HTTP route answers 413 above it. */
export const MAX_DIAGNOSE_BYTES = 5 * 1024 * 1024;

export const diagnoseInputSchema = z.object({
  description: z.string().max(MAX_DIAGNOSE_BYTES),
  outputs: z
    .array(
      z.object({
        command: z.string().max(2000).optional(),
        text: z.string().max(MAX_DIAGNOSE_BYTES),
      }),
    )
    .max(100)
    .optional(),
  answers: z.record(z.string().min(1).max(100), z.string().min(1).max(100)).optional(),
});

export type DiagnoseInput = z.infer<typeof diagnoseInputSchema>;

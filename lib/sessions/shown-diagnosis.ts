import { z } from "zod";

import { rootCauseIdSchema } from "../content/schema";

/** How many of the ranked causes the wizard records as shown. */
export const SHOWN_CAUSES = 6;

/** The diagnosis the wizard last showed on a session: which engine, and its causes, best first. */
export const shownDiagnosisSchema = z
  .object({
    engineVersion: z.string().regex(/^[0-9a-f]{12}$/, "expected the 12 hex digits of an engine version"),
    causes: z.array(rootCauseIdSchema).max(SHOWN_CAUSES),
  })
  .strict();

export type ShownDiagnosis = z.infer<typeof shownDiagnosisSchema>;

/** A stored value read back: null when absent or not what the wizard writes. */
export function parseShownDiagnosis(stored: string | null): ShownDiagnosis | null {
  if (!stored) return null;
  try {
    const parsed = shownDiagnosisSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

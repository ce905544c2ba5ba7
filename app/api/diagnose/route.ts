// POST /api/diagnose - ranks root causes for a ticket and proposes the next step (same contract as the CLI).
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { diagnose } from "@/lib/triage/diagnose";
import { diagnoseInputSchema, MAX_DIAGNOSE_BYTES } from "@/lib/triage/diagnose-schema";
import { getTriageKnowledge } from "@/lib/triage/knowledge";
import { requireLibraryRequest } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

export const POST = withRoute(async (request: Request) => {
  await requireLibraryRequest(request);
  const input = diagnoseInputSchema.parse(await readJsonBody(request, MAX_DIAGNOSE_BYTES));
  return Response.json(diagnose(input, getTriageKnowledge()));
});

// GET /api/sessions - the saved triage sessions, newest first.
// POST /api/sessions - saves a new session from a ticket.
import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { createSession, listSessions } from "@/lib/sessions/repository";
import { createSessionSchema } from "@/lib/sessions/session-schema";
import { MAX_DIAGNOSE_BYTES } from "@/lib/triage/diagnose-schema";

export const dynamic = "force-dynamic";

export const GET = withRoute(async () => Response.json(await listSessions(getPrisma())));

export const POST = withRoute(async (request: Request) => {
  const input = createSessionSchema.parse(await readJsonBody(request, MAX_DIAGNOSE_BYTES));
  return Response.json(await createSession(getPrisma(), input), { status: 201 });
});

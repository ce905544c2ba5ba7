// GET /api/sessions - the saved triage sessions the viewer may open, newest first.
// POST /api/sessions - saves a new session from a ticket, owned by the viewer.
import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { MAX_TICKET_BODY_BYTES } from "@/lib/pasted-text";
import { createSession, listSessions } from "@/lib/sessions/repository";
import { createSessionSchema } from "@/lib/sessions/session-schema";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => {
  const viewer = await requireRequestViewer(request);
  return Response.json(await listSessions(getPrisma(), viewer));
});

export const POST = withRoute(async (request: Request) => {
  const viewer = await requireRequestViewer(request);
  const input = createSessionSchema.parse(await readJsonBody(request, MAX_TICKET_BODY_BYTES));
  return Response.json(await createSession(getPrisma(), input, viewer), { status: 201 });
});

const notAllowed = methodNotAllowed("GET", "POST");
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET /api/sessions/[id] - one saved session.
// PUT /api/sessions/[id] - saves changes; 409 when the session changed since the version read.
import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { MAX_TICKET_BODY_BYTES } from "@/lib/pasted-text";
import { getSession, updateSession } from "@/lib/sessions/repository";
import { updateSessionSchema } from "@/lib/sessions/session-schema";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (request: Request, { params }: Context) => {
  const viewer = await requireRequestViewer(request);
  return Response.json(await getSession(getPrisma(), (await params).id, viewer));
});

export const PUT = withRoute(async (request: Request, { params }: Context) => {
  const viewer = await requireRequestViewer(request);
  const change = updateSessionSchema.parse(await readJsonBody(request, MAX_TICKET_BODY_BYTES));
  return Response.json(await updateSession(getPrisma(), (await params).id, change, viewer));
});

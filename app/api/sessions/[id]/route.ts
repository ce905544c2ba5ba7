// GET /api/sessions/[id] - one saved session.
// PUT /api/sessions/[id] - saves changes; 409 when the session changed since the version read (lib/http/session-routes.ts).
import { getPrisma } from "@/lib/db";
import { withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { getSession } from "@/lib/sessions/repository";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (request: Request, { params }: Context) => {
  const viewer = await requireRequestViewer(request);
  return Response.json(await getSession(getPrisma(), (await params).id, viewer));
});

export { saveSessionRoute as PUT } from "@/lib/http/session-routes";

const notAllowed = methodNotAllowed("GET", "PUT");
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

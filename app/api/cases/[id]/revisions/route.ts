// GET /api/cases/<id>/revisions - every step of a case's history, oldest first, with the lines each changed.
import { getPrisma } from "@/lib/db";
import { withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { listCaseRevisions } from "@/lib/library/repository";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (request: Request, { params }: Context) => {
  const viewer = await requireRequestViewer(request);
  return Response.json(await listCaseRevisions(getPrisma(), (await params).id, viewer));
});

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET /api/cases/<id>/source - the MDX file of a case the library shows (repository or published in the app).
import { requireLibraryReader } from "@/lib/auth/access";
import { readEnv } from "@/lib/env";
import { AppError, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { getLiveLibrary } from "@/lib/library/live-library";
import { getRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (request: Request, { params }: Context) => {
  requireLibraryReader(await getRequestViewer(request), readEnv());
  const { id } = await params;
  const entry = (await getLiveLibrary()).getCase(id);
  if (!entry) throw new AppError(404, `no published case "${id.slice(0, 100)}"`);
  return new Response(entry.source, { headers: { "content-type": "text/markdown; charset=utf-8" } });
});

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

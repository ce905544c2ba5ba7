// GET /api/cases/<id> - a case written in the app: fields, body, status, version (drafts need sign-in).
// PUT /api/cases/<id> - saves {version, fields?, body?, zh?}; 409 when the case changed since the version read.
import { requireLibraryReader } from "@/lib/auth/access";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { MAX_CASE_REQUEST_BYTES, saveCaseSchema } from "@/lib/library/case-fields";
import { getLibraryCase, saveLibraryCase } from "@/lib/library/repository";
import { getRequestViewer, requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (request: Request, { params }: Context) => {
  const viewer = await getRequestViewer(request);
  requireLibraryReader(viewer, readEnv());
  return Response.json(await getLibraryCase(getPrisma(), (await params).id, viewer));
});

export const PUT = withRoute(async (request: Request, { params }: Context) => {
  const viewer = await requireRequestViewer(request);
  const change = saveCaseSchema.parse(await readJsonBody(request, MAX_CASE_REQUEST_BYTES));
  return Response.json(await saveLibraryCase(getPrisma(), (await params).id, change, viewer));
});

const notAllowed = methodNotAllowed("GET", "PUT");
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

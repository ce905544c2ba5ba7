// POST /api/cases/<id>/submit | publish | request-changes | comment | archive - moves a case through
// review ({version?, comment?}); publish and archive need a trainer or an admin (anyone with sign-in off).
import { getPrisma } from "@/lib/db";
import { AppError, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { readOptionalJsonBody } from "@/lib/http/optional-json-body";
import { caseActionSchema } from "@/lib/library/case-fields";
import { actOnLibraryCase, CASE_ACTIONS, type CaseAction } from "@/lib/library/repository";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; action: string }> };

export const POST = withRoute(async (request: Request, { params }: Context) => {
  const { id, action } = await params;
  if (!CASE_ACTIONS.includes(action as CaseAction)) throw new AppError(404, `no action "${action.slice(0, 40)}" on a case (${CASE_ACTIONS.join(", ")})`);
  const viewer = await requireRequestViewer(request);
  const input = caseActionSchema.parse(await readOptionalJsonBody(request, 64 * 1024));
  return Response.json(await actOnLibraryCase(getPrisma(), id, action as CaseAction, input, viewer));
});

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

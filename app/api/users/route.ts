// GET /api/users - every account (admin). POST /api/users - creates one (admin).
import { createUser, listUsers } from "@/lib/auth/accounts";
import { createUserSchema, MAX_AUTH_BODY_BYTES } from "@/lib/auth/schemas";
import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => {
  await requireRequestViewer(request, "admin");
  return Response.json(await listUsers(getPrisma()));
});

export const POST = withRoute(async (request: Request) => {
  await requireRequestViewer(request, "admin");
  const input = createUserSchema.parse(await readJsonBody(request, MAX_AUTH_BODY_BYTES));
  return Response.json(await createUser(getPrisma(), input), { status: 201 });
});

const notAllowed = methodNotAllowed("GET", "POST");
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

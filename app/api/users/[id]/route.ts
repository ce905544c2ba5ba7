// PATCH /api/users/[id] - changes an account's name, role, password or disabled state (admin).
import { updateUser } from "@/lib/auth/accounts";
import { MAX_AUTH_BODY_BYTES, updateUserSchema } from "@/lib/auth/schemas";
import { getPrisma } from "@/lib/db";
import { AppError, readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const PATCH = withRoute(async (request: Request, { params }: Context) => {
  const admin = (await requireRequestViewer(request, "admin")).user;
  const { id } = await params;
  const change = updateUserSchema.parse(await readJsonBody(request, MAX_AUTH_BODY_BYTES));
  if (admin?.id === id && (change.disabled || (change.role && change.role !== "admin")))
    throw new AppError(422, "role: you cannot demote or disable your own account");
  return Response.json(await updateUser(getPrisma(), id, change));
});

const notAllowed = methodNotAllowed("PATCH");
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;

// POST /api/auth/password - { current, password }: changes the signed-in user's own password and
// signs out their other sessions; 422 for a wrong current password, 429 after too many.
import { clientAddress, readCookie, SESSION_COOKIE } from "@/lib/auth/access";
import { changePasswordSchema, MAX_AUTH_BODY_BYTES } from "@/lib/auth/schemas";
import { changePassword } from "@/lib/auth/sign-in";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { AppError, readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

export const POST = withRoute(async (request: Request) => {
  const token = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  if (!token) throw new AppError(401, "sign in first");
  const input = changePasswordSchema.parse(await readJsonBody(request, MAX_AUTH_BODY_BYTES));
  await changePassword(getPrisma(), token, input, clientAddress(request, readEnv()));
  return new Response(null, { status: 204 });
});

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

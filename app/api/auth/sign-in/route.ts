// POST /api/auth/sign-in - { email, password } -> { user } and the session cookie; 401 wrong, 429 too many tries.
// The session this browser had (its cookie) ends: one browser, one session.
import { clientAddress, readCookie, SESSION_COOKIE, sessionCookie } from "@/lib/auth/access";
import { toAccount } from "@/lib/auth/accounts";
import { MAX_AUTH_BODY_BYTES, signInSchema } from "@/lib/auth/schemas";
import { signIn } from "@/lib/auth/sign-in";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

export const POST = withRoute(async (request: Request) => {
  const input = signInSchema.parse(await readJsonBody(request, MAX_AUTH_BODY_BYTES));
  const replacing = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  const { user, token, expiresAt } = await signIn(getPrisma(), input, clientAddress(request, readEnv()), { replacing });
  return Response.json({ user: toAccount(user) }, { headers: { "set-cookie": sessionCookie(request, token, expiresAt) } });
});

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

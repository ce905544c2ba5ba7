// POST /api/auth/sign-out - ends this browser's session and clears its cookie.
import { readCookie, SESSION_COOKIE, sessionCookie } from "@/lib/auth/access";
import { signOut } from "@/lib/auth/sign-in";
import { getPrisma } from "@/lib/db";
import { withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

export const POST = withRoute(async (request: Request) => {
  const token = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  if (token) await signOut(getPrisma(), token);
  return new Response(null, { status: 204, headers: { "set-cookie": sessionCookie(request, "", null) } });
});

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

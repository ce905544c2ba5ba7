// GET /api/auth/oidc/callback - the provider sends the browser back here; signs in and goes on.
import { httpOnlyCookie, readCookie, SESSION_COOKIE, sessionCookie } from "@/lib/auth/access";
import { safeNextPath } from "@/lib/auth/next-path";
import { completeSignOn, decodePending, PENDING_COOKIE } from "@/lib/auth/oidc";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { AppError, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { publicOrigin } from "@/lib/http/public-origin";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => {
  const pending = decodePending(readCookie(request.headers.get("cookie"), PENDING_COOKIE));
  if (!pending) throw new AppError(400, "single sign-on expired or was not started here: sign in again");
  // The provider redirected to our public origin; check the code against that URL, not the internal one.
  const callbackUrl = new URL(new URL(request.url).pathname + new URL(request.url).search, publicOrigin(request));
  const previous = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  const { token, expiresAt } = await completeSignOn(getPrisma(), readEnv(), callbackUrl, pending, previous);
  const headers = new Headers({ location: safeNextPath(pending.next) });
  headers.append("set-cookie", sessionCookie(request, token, expiresAt));
  headers.append("set-cookie", httpOnlyCookie(request, PENDING_COOKIE, "", { path: "/api/auth/oidc", maxAgeSeconds: 0 }));
  return new Response(null, { status: 302, headers });
});

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

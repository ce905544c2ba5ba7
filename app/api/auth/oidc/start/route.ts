// GET /api/auth/oidc/start?next=/path - sends the browser to the single sign-on provider.
import { httpOnlyCookie } from "@/lib/auth/access";
import { safeNextPath } from "@/lib/auth/next-path";
import { beginSignOn, encodePending, PENDING_COOKIE } from "@/lib/auth/oidc";
import { readEnv } from "@/lib/env";
import { withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { publicOrigin } from "@/lib/http/public-origin";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => {
  const next = safeNextPath(new URL(request.url).searchParams.get("next"));
  const { url, pending } = await beginSignOn(readEnv(), `${publicOrigin(request)}/api/auth/oidc/callback`, next);
  const cookie = httpOnlyCookie(request, PENDING_COOKIE, encodePending(pending), { path: "/api/auth/oidc", maxAgeSeconds: 600 });
  return new Response(null, { status: 302, headers: { location: url.toString(), "set-cookie": cookie } });
});

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET /api/auth/me - { user, signInRequired }: who this browser is signed in as (user null if nobody).
import { withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { getRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => Response.json(await getRequestViewer(request), { headers: { "cache-control": "no-store" } }));

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET /api/insights - the figures of /insights as JSON (trainers and admins; anyone when sign-in is off).
import { getPrisma } from "@/lib/db";
import { withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { readInsights } from "@/lib/insights/insights";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => {
  await requireRequestViewer(request, "trainer");
  return Response.json(await readInsights(getPrisma()));
});

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET /api/train/queue?learner=<id>[&lang=en|zh] - every drill in the order the learner should take them, teasers in lang.
import { getPrisma } from "@/lib/db";
import { withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { getLiveExerciseCatalogue } from "@/lib/training/live-catalogue";
import { getLearnerQueue } from "@/lib/training/practice";
import { assertLearnerAccess } from "@/lib/training/repository";
import { queueQuerySchema } from "@/lib/training/schemas";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => {
  const viewer = await requireRequestViewer(request);
  const { learner, lang } = queueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await assertLearnerAccess(getPrisma(), viewer, learner);
  return Response.json(await getLearnerQueue(getPrisma(), await getLiveExerciseCatalogue(lang), learner));
});

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET /api/train/queue?learner=<id> - every drill in the order the learner should take them.
import { getPrisma } from "@/lib/db";
import { withRoute } from "@/lib/http/errors";
import { getExerciseCatalogue } from "@/lib/training/catalogue";
import { getLearnerQueue } from "@/lib/training/practice";
import { queueQuerySchema } from "@/lib/training/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => {
  const { learner } = queueQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await getLearnerQueue(getPrisma(), getExerciseCatalogue(), learner));
});

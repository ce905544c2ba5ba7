// POST /api/train/attempts - scores a drill answer, stores it and answers the feedback and the next drill.
import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { getExerciseCatalogue } from "@/lib/training/catalogue";
import { submitAttempt } from "@/lib/training/practice";
import { createAttemptSchema, MAX_TRAINING_BODY_BYTES } from "@/lib/training/schemas";

export const dynamic = "force-dynamic";

export const POST = withRoute(async (request: Request) => {
  const input = createAttemptSchema.parse(await readJsonBody(request, MAX_TRAINING_BODY_BYTES));
  return Response.json(await submitAttempt(getPrisma(), getExerciseCatalogue(), input), { status: 201 });
});

// POST /api/train/attempts - scores a drill answer, stores it and answers the feedback (in the body's lang, else English) and the next drill.
import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { getLiveExerciseCatalogue } from "@/lib/training/live-catalogue";
import { submitAttempt } from "@/lib/training/practice";
import { assertLearnerAccess } from "@/lib/training/repository";
import { createAttemptSchema, MAX_TRAINING_BODY_BYTES } from "@/lib/training/schemas";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

export const POST = withRoute(async (request: Request) => {
  const viewer = await requireRequestViewer(request);
  const input = createAttemptSchema.parse(await readJsonBody(request, MAX_TRAINING_BODY_BYTES));
  await assertLearnerAccess(getPrisma(), viewer, input.learnerId);
  return Response.json(await submitAttempt(getPrisma(), await getLiveExerciseCatalogue(input.lang), input), { status: 201 });
});

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// POST /api/train/learners - picks a learner by name (created on first use); answers { id, name }.
// With sign-in on, the learner is the signed-in user's and the name is not needed.
import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { findOrCreateLearner, learnerForUser } from "@/lib/training/repository";
import { createLearnerSchema, MAX_TRAINING_BODY_BYTES } from "@/lib/training/schemas";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

export const POST = withRoute(async (request: Request) => {
  const { user } = await requireRequestViewer(request);
  const body = await readJsonBody(request, MAX_TRAINING_BODY_BYTES);
  const { learner, created } = user ? await learnerForUser(getPrisma(), user) : await findOrCreateLearner(getPrisma(), createLearnerSchema.parse(body).name);
  return Response.json(learner, { status: created ? 201 : 200 });
});

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

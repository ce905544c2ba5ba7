// POST /api/train/learners - picks a learner by name (created on first use); answers { id, name }.
import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { findOrCreateLearner } from "@/lib/training/repository";
import { createLearnerSchema, MAX_TRAINING_BODY_BYTES } from "@/lib/training/schemas";

export const dynamic = "force-dynamic";

export const POST = withRoute(async (request: Request) => {
  const { name } = createLearnerSchema.parse(await readJsonBody(request, MAX_TRAINING_BODY_BYTES));
  const { learner, created } = await findOrCreateLearner(getPrisma(), name);
  return Response.json(learner, { status: created ? 201 : 200 });
});

// POST /api/feedback - {caseId | causeId, kind: solved|outdated|incorrect|unclear, sessionId?, comment?, suggestion?}.
// GET /api/feedback?caseId= | causeId= - {solved, openFlags}; GET /api/feedback?open=flags - the review queue (reviewers).
import { z } from "zod";

import { requireLibraryReader } from "@/lib/auth/access";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { AppError, readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { feedbackSchema, listOpenFlags, recordFeedback, summariseFeedback } from "@/lib/library/feedback";
import { getRequestViewer, requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

const querySchema = z.object({ caseId: z.string().max(100).optional(), causeId: z.string().max(100).optional(), open: z.literal("flags").optional() }).strict();

export const GET = withRoute(async (request: Request) => {
  const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (query.open) {
    await requireRequestViewer(request, "trainer");
    return Response.json(await listOpenFlags(getPrisma()));
  }
  if (query.caseId === undefined && query.causeId === undefined) throw new AppError(422, "caseId: name a caseId or a causeId");
  requireLibraryReader(await getRequestViewer(request), readEnv());
  return Response.json(await summariseFeedback(getPrisma(), query));
});

export const POST = withRoute(async (request: Request) => {
  const viewer = await requireRequestViewer(request);
  const input = feedbackSchema.parse(await readJsonBody(request, 512 * 1024));
  return Response.json(await recordFeedback(getPrisma(), input, viewer), { status: 201 });
});

const notAllowed = methodNotAllowed("GET", "POST");
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

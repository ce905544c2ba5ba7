// PATCH /api/feedback/<id> - {"resolved": true}: a reviewer closes a flag.
import { z } from "zod";

import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { resolveFlag } from "@/lib/library/feedback";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

const resolveSchema = z.object({ resolved: z.literal(true) }).strict();

type Context = { params: Promise<{ id: string }> };

export const PATCH = withRoute(async (request: Request, { params }: Context) => {
  const viewer = await requireRequestViewer(request, "trainer");
  resolveSchema.parse(await readJsonBody(request, 1024));
  return Response.json(await resolveFlag(getPrisma(), (await params).id, viewer));
});

const notAllowed = methodNotAllowed("PATCH");
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;

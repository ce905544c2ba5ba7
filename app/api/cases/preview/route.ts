// POST /api/cases/preview - {id, fields, body} of a case being written: what content:check would
// report (by field or body line) and the compiled MDX, by the pipeline the pages use.
import { z } from "zod";

import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { draftFieldsSchema, MAX_CASE_BODY } from "@/lib/library/case-fields";
import { previewCase } from "@/lib/library/preview";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

const previewSchema = z.object({ id: z.string().max(100), fields: draftFieldsSchema.omit({ id: true }), body: z.string().max(MAX_CASE_BODY) }).strict();

export const POST = withRoute(async (request: Request) => {
  await requireRequestViewer(request);
  const { id, fields, body } = previewSchema.parse(await readJsonBody(request, MAX_CASE_BODY * 2));
  return Response.json(await previewCase(getPrisma(), id, fields, body));
});

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET /api/cases?status= - cases written in the app, most recently changed first (signed-in writers).
// POST /api/cases - a new draft from the case fields (and optionally its Chinese version, "zh"), or {"fromSession": "<id>"}: 201 {id, status, version}.
import { z } from "zod";

import { getPrisma } from "@/lib/db";
import { readJsonBody, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { fromSessionSchema, LIBRARY_STATES, MAX_CASE_REQUEST_BYTES } from "@/lib/library/case-fields";
import { createLibraryCase, listLibraryCases } from "@/lib/library/repository";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

const listQuerySchema = z.object({ status: z.enum(LIBRARY_STATES).optional() }).strict();

export const GET = withRoute(async (request: Request) => {
  await requireRequestViewer(request);
  const { status } = listQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listLibraryCases(getPrisma(), { status }));
});

export const POST = withRoute(async (request: Request) => {
  const viewer = await requireRequestViewer(request);
  const body = await readJsonBody(request, MAX_CASE_REQUEST_BYTES);
  const input = typeof body === "object" && body !== null && "fromSession" in body ? fromSessionSchema.parse(body) : (body as object);
  const created = await createLibraryCase(getPrisma(), input as Parameters<typeof createLibraryCase>[1], viewer);
  return Response.json({ id: created.id, status: created.status, version: created.version }, { status: 201 });
});

const notAllowed = methodNotAllowed("GET", "POST");
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

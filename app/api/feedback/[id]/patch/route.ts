// GET /api/feedback/<id>/patch - a flag's suggested edit as a unified diff of content/cases/<id>.mdx (`git apply` reads it).
import { getPrisma } from "@/lib/db";
import { withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { suggestionPatch } from "@/lib/library/feedback";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (request: Request, { params }: Context) => {
  const viewer = await requireRequestViewer(request, "trainer");
  const patch = await suggestionPatch(getPrisma(), (await params).id, viewer);
  return new Response(patch, { headers: { "content-type": "text/x-diff; charset=utf-8" } });
});

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET /api/search - cases and root causes matching a symptom, an error string, a command or pasted log lines.
import { AppError, withRoute } from "@/lib/http/errors";
import { getSearchIndex } from "@/lib/search/content-index";
import { searchContent } from "@/lib/search/search";
import { parseSearchParams, toSearchOptions } from "@/lib/search/search-params";
import { requireLibraryRequest } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

export const GET = withRoute(async (request: Request) => {
  await requireLibraryRequest(request);
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) throw new AppError(parsed.status, parsed.error);
  return Response.json(searchContent(getSearchIndex(), parsed.params.q, toSearchOptions(parsed.params)));
});

// POST /api/search/log and POST /api/search/clicks: the search page reports a search once it has
// settled, and clicks on its results (lib/search/search-log.ts).
import { isLibraryPublic, requireLibraryReader, viewerFromRequest } from "../auth/access";
import { getPrisma } from "../db";
import { readEnv } from "../env";
import { getLiveSearchIndex } from "../library/live-library";
import { logSearch, logSearchClick, searchClickSchema, searchLogInputSchema } from "../search/search-log";
import { AppError, readJsonBody, withRoute } from "./errors";

const MAX_LOG_BODY_BYTES = 64 * 1024;

async function requireReader(request: Request): Promise<void> {
  const settings = readEnv();
  if (!isLibraryPublic(settings)) requireLibraryReader(await viewerFromRequest(getPrisma(), request, settings), settings);
}

export const logSearchRoute = withRoute(async (request: Request) => {
  await requireReader(request);
  const input = searchLogInputSchema.parse(await readJsonBody(request, MAX_LOG_BODY_BYTES));
  return Response.json(await logSearch(getPrisma(), await getLiveSearchIndex(), input), { status: 201 });
});

export const logSearchClickRoute = withRoute(async (request: Request) => {
  await requireReader(request);
  const click = searchClickSchema.parse(await readJsonBody(request, MAX_LOG_BODY_BYTES));
  if (!(await logSearchClick(getPrisma(), click))) throw new AppError(404, `no logged search "${click.search}"`);
  return new Response(null, { status: 204 });
});

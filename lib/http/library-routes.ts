// The library's read-only API, diagnosis and search, as plain Request → Response handlers. The Next
// routes export them, and each serving worker answers them without Next (server/fast-lane.ts).
import { isLibraryPublic, requireLibraryReader, viewerFromRequest } from "../auth/access";
import { getPrisma } from "../db";
import { readEnv } from "../env";
import { getLiveLearnedSet } from "../library/live-knowledge";
import { getLiveSearchIndex } from "../library/live-library";
import { searchContent } from "../search/search";
import { parseSearchInput, parseSearchParams, toSearchOptions } from "../search/search-params";
import { diagnose, type DiagnoseResult } from "../triage/diagnose";
import { diagnoseInputSchema, MAX_DIAGNOSE_BYTES, type DiagnoseInput } from "../triage/diagnose-schema";
import { getTriageKnowledge } from "../triage/knowledge";
import type { LearnedSet } from "../triage/learned";
import { AppError, readJsonBody, withRoute } from "./errors";

/** Open to all unless the library is private; then 401 without a signed-in user. */
async function requireLibraryRequest(request: Request): Promise<void> {
  const settings = readEnv();
  if (!isLibraryPublic(settings)) requireLibraryReader(await viewerFromRequest(getPrisma(), request, settings), settings);
}

/** Runs one diagnosis with the repository plus what `learned` holds (confirmed sessions, published in-app cases). */
export type RunDiagnosis = (input: DiagnoseInput, learned: LearnedSet) => Promise<DiagnoseResult>;

/**
 * POST /api/diagnose: ranks root causes for a ticket and proposes the next step (the CLI's contract).
 * `runDiagnosis` does the work: in this thread for Next, in a pool of threads for the server's lane.
 */
export function createDiagnoseRoute(runDiagnosis: RunDiagnosis) {
  return withRoute(async (request: Request) => {
    await requireLibraryRequest(request);
    const input = diagnoseInputSchema.parse(await readJsonBody(request, MAX_DIAGNOSE_BYTES));
    return Response.json(await runDiagnosis(input, await getLiveLearnedSet(getPrisma())));
  });
}

export const diagnoseRoute = createDiagnoseRoute(async (input, learned) => diagnose(input, getTriageKnowledge(learned)));

/** GET /api/search: cases and root causes matching a symptom, an error string, a command or pasted log lines. */
export const searchRoute = withRoute(async (request: Request) => {
  await requireLibraryRequest(request);
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.ok) throw new AppError(parsed.status, parsed.error);
  return Response.json(searchContent(await getLiveSearchIndex(), parsed.params.q, toSearchOptions(parsed.params)));
});

/** Longest search body: a 2,000-character query and its filters, with room for JSON escapes. */
const MAX_SEARCH_BODY_BYTES = 64 * 1024;

/**
 * POST /api/search: the same search with the parameters as a JSON body ({"q", "limit", "kind", ...}),
 * for queries whose URL would be too long (2,000 Chinese characters are 18 KB percent-encoded).
 */
export const searchByBodyRoute = withRoute(async (request: Request) => {
  await requireLibraryRequest(request);
  const parsed = parseSearchInput(await readJsonBody(request, MAX_SEARCH_BODY_BYTES));
  if (!parsed.ok) throw new AppError(parsed.status, parsed.error);
  return Response.json(searchContent(await getLiveSearchIndex(), parsed.params.q, toSearchOptions(parsed.params)));
});

/** The routes a serving worker answers itself, by "METHOD /path" (the lane's diagnosis runs off its thread). */
export function libraryRoutes(runDiagnosis: RunDiagnosis) {
  return {
    "POST /api/diagnose": createDiagnoseRoute(runDiagnosis),
    "GET /api/search": searchRoute,
    "POST /api/search": searchByBodyRoute,
  };
}

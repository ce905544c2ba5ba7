import { z } from "zod";

import { ROOT_CAUSE_IDS } from "../content/root-cause-ids";
import { CASE_TYPES, LAYERS, PLATFORMS } from "../content/schema";
import { SEARCH_KINDS } from "./documents";
import { DEFAULT_LIMIT, type SearchFilters, type SearchOptions } from "./search";

/** Long enough for a pasted log excerpt; longer input is refused rather than silently cut. */
export const MAX_QUERY_LENGTH = 2000;
export const MAX_LIMIT = 50;

const LIMIT_MESSAGE = `must be a whole number from 1 to ${MAX_LIMIT}`;

/** Query parameters of GET /api/search and the /search page. */
export const searchParamsSchema = z.object({
  q: z
    .string({ error: "is required" })
    .trim()
    .min(1, "must not be empty")
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    .describe("what to search for: words, an error string, a command or pasted log lines"),
  limit: z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(MAX_LIMIT, LIMIT_MESSAGE).default(DEFAULT_LIMIT),
  kind: z.enum(SEARCH_KINDS).optional().describe("only cases or only root causes"),
  platform: z.enum(PLATFORMS).optional(),
  layer: z.enum(LAYERS).optional(),
  cause: z.enum(ROOT_CAUSE_IDS).optional().describe("entries naming this root cause"),
  type: z.enum(CASE_TYPES).optional().describe("case type"),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

export type ParsedSearchParams = { ok: true; params: SearchParams } | { ok: false; status: 400 | 422; error: string };

/**
 * Validates search parameters. A missing, empty or too long `q` is a bad request (400); a malformed
 * limit or filter is unprocessable (422). The error names the field.
 */
export function parseSearchParams(query: URLSearchParams): ParsedSearchParams {
  return parseSearchInput(Object.fromEntries([...query.keys()].map((key) => [key, query.get(key) ?? undefined])));
}

/** The same parameters as a JSON object (POST /api/search, for queries too long for a URL); the same errors. */
export function parseSearchInput(raw: unknown): ParsedSearchParams {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, status: 400, error: 'body: expected a JSON object such as {"q": "..."}' };
  const result = searchParamsSchema.safeParse(raw);
  if (result.success) return { ok: true, params: result.data };
  const issue = result.error.issues[0];
  const field = String(issue.path[0] ?? "query");
  return { ok: false, status: field === "q" ? 400 : 422, error: `${field}: ${issue.message}` };
}

/** The search options a set of parameters asks for. */
export function toSearchOptions({ limit, kind, platform, layer, cause, type }: SearchParams): SearchOptions {
  const filters: SearchFilters = { platform, layer, cause, type };
  return { limit, kinds: kind ? [kind] : undefined, filters };
}

import { z } from "zod";

import type { PrismaClient } from "@/generated/prisma/client";

import { rankContent } from "./search";
import type { SearchIndex } from "./search-index";
import { searchParamsSchema, toSearchOptions, type SearchParams } from "./search-params";

// Searches run on the search page are logged for /insights: the query text, how many entries
// matched and which result was clicked. Nothing names the person (no user, no address).

/** A site path of a result (/cases/<id>, /causes/<id>). */
const resultUrlSchema = z
  .string()
  .max(300)
  .regex(/^\/[a-z0-9/_-]*$/i, "expected the path of a result on this site");

/** POST /api/search/log: the search page's parameters, and the result clicked if one was before the search was logged. */
export const searchLogInputSchema = searchParamsSchema.extend({ clicked: resultUrlSchema.optional() });

/** POST /api/search/clicks: a click on a result of a logged search. */
export const searchClickSchema = z.object({ search: z.string().min(1).max(40), url: resultUrlSchema }).strict();

export type SearchLogInput = z.infer<typeof searchLogInputSchema>;

/** How many entries of `index` a search matches in all (as the search page counts them). */
export function countMatches(index: SearchIndex, params: SearchParams): number {
  return rankContent(index, params.q, { ...toSearchOptions(params), limit: index.documents.length }).length;
}

/** Logs a search of `index` (the live library's); the number of matches is counted here, never taken from the client. */
export async function logSearch(prisma: PrismaClient, index: SearchIndex, { clicked, ...params }: SearchLogInput): Promise<{ id: string }> {
  const row = await prisma.searchLog.create({
    data: { query: params.q, results: countMatches(index, params), clicks: clicked ? 1 : 0, clickedUrl: clicked ?? null },
    select: { id: true },
  });
  return row;
}

/** Counts a click on a logged search's result (the first clicked is kept); false when no such search. */
export async function logSearchClick(prisma: PrismaClient, { search, url }: z.infer<typeof searchClickSchema>): Promise<boolean> {
  const first = await prisma.searchLog.updateMany({ where: { id: search, clickedUrl: null }, data: { clicks: { increment: 1 }, clickedUrl: url } });
  if (first.count === 1) return true;
  return (await prisma.searchLog.updateMany({ where: { id: search }, data: { clicks: { increment: 1 } } })).count === 1;
}

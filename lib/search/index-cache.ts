import { createHash } from "node:crypto";
import path from "node:path";

import { z } from "zod";

import type { ContentLibrary } from "../content/library";
import type { ContentEntry } from "../content/parse-entry";
import { readHashedCacheFile, writeFileAtomically } from "../hashed-cache-file";
import { buildSearchIndexData, SEARCH_INDEX_VERSION, type SearchIndexData } from "./build-index";
import { searchDocumentSchema, toSearchDocuments } from "./documents";

export const SEARCH_INDEX_FILE = "search-index.json";

const cachedIndexSchema = z.object({
  inputHash: z.string(),
  index: z
    .object({
      version: z.literal(SEARCH_INDEX_VERSION),
      documents: z.array(searchDocumentSchema),
      terms: z.array(z.string()),
      postings: z.array(z.array(z.number())),
    })
    .refine((index) => index.terms.length === index.postings.length, "terms and postings differ in length"),
});

/** sha256 over the index version and every entry's key and source (its Chinese page's too), in a fixed order. */
export function computeSearchInputHash(entries: ContentEntry[]): string {
  const hash = createHash("sha256").update(String(SEARCH_INDEX_VERSION));
  const keyed = entries
    .map((entry) => ({ key: `${entry.kind}-${entry.id}`, source: entry.zh ? `${entry.source}\0${entry.zh.source}` : entry.source }))
    .sort((a, b) => a.key.localeCompare(b.key));
  for (const { key, source } of keyed) hash.update("\0").update(key).update("\0").update(source);
  return hash.digest("hex");
}

/**
 * The index data for these entries: read from cacheDir when its input hash matches, otherwise
 * built and written there atomically. `rebuilt` tells which happened.
 */
export function loadOrBuildSearchIndexData(
  cacheDir: string,
  source: Pick<ContentLibrary, "cases" | "rootCauses">,
): { data: SearchIndexData; rebuilt: boolean } {
  const inputHash = computeSearchInputHash([...source.cases, ...source.rootCauses]);
  const file = path.join(cacheDir, SEARCH_INDEX_FILE);
  const cached = readHashedCacheFile(file, inputHash, cachedIndexSchema)?.index;
  if (cached) return { data: cached, rebuilt: false };
  const data = buildSearchIndexData(toSearchDocuments(source));
  writeFileAtomically(file, JSON.stringify({ inputHash, index: data }));
  return { data, rebuilt: true };
}

import { getCacheDir } from "../env";
import { createCompileCache, type CompileCache } from "./compile-cache";
import type { CompiledMdx } from "./compile-mdx";
import type { ContentEntry } from "./parse-entry";

let cache: CompileCache | undefined;

/** The compiled MDX of an entry, from the build-time cache (compiled on a miss). */
export function getCompiledEntry(entry: ContentEntry): Promise<CompiledMdx> {
  cache ??= createCompileCache(getCacheDir());
  return cache.getCompiled(cacheKeyOf(entry), entry.source);
}

export function cacheKeyOf(entry: Pick<ContentEntry, "kind" | "id">): string {
  return `${entry.kind}-${entry.id}`;
}

import { getCacheDir } from "../env";
import type { Locale } from "../i18n/locales";
import { createCompileCache, type CompileCache } from "./compile-cache";
import type { CompiledMdx } from "./compile-mdx";
import type { ContentEntry } from "./parse-entry";

let cache: CompileCache | undefined;

/** A compiled body and the language it is in (English when the entry has no page in the language asked for). */
export type CompiledPage = CompiledMdx & { locale: Locale };

/** The compiled MDX of an entry in a language, from the build-time cache (compiled on a miss). */
export async function getCompiledEntry(entry: ContentEntry, locale: Locale = "en"): Promise<CompiledPage> {
  cache ??= createCompileCache(getCacheDir());
  const page = pageSource(entry, locale);
  const { code } = await cache.getCompiled(cacheKeyOf(entry, page.locale), page.source);
  return { code, locale: page.locale };
}

/** The source compiled for a language: the Chinese page when there is one, else the English entry. */
export function pageSource(entry: ContentEntry, locale: Locale): { locale: Locale; source: string } {
  return locale === "zh" && entry.zh ? { locale: "zh", source: entry.zh.source } : { locale: "en", source: entry.source };
}

export function cacheKeyOf(entry: Pick<ContentEntry, "kind" | "id">, locale: Locale = "en"): string {
  return locale === "en" ? `${entry.kind}-${entry.id}` : `${entry.kind}-${entry.id}-${locale}`;
}

import { createHash } from "node:crypto";

import { createCompileCache, type CompileCache } from "../content/compile-cache";
import { compileMdx, type CompiledMdx } from "../content/compile-mdx";
import { getCacheDir } from "../env";

// Compiled bodies of in-app cases, by a hash of the body: the frontmatter is shown by the page
// itself, so two cases with the same body share one compile. Kept in memory (most recent last) and,
// for published cases, on disk beside the build's compiles.
const MEMORY_ENTRIES = 2_000;
const memory = new Map<string, Promise<CompiledMdx>>();
let disk: CompileCache | undefined;

export function bodyHash(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/**
 * The compiled MDX of a case body (same pipeline as the build). `persist` also keeps it in the
 * on-disk compile cache (published cases); previews stay in memory. Throws MdxCompileError.
 */
export function compileCaseBody(body: string, { persist = false } = {}): Promise<CompiledMdx> {
  const hash = bodyHash(body);
  const hit = memory.get(hash);
  if (hit) {
    memory.delete(hash);
    memory.set(hash, hit);
    return hit;
  }
  disk ??= createCompileCache(getCacheDir());
  const compiled = persist ? disk.getCompiled(`library-body-${hash.slice(0, 40)}`, body) : compileMdx(body);
  memory.set(hash, compiled);
  compiled.catch(() => memory.delete(hash));
  for (const oldest of memory.keys()) {
    if (memory.size <= MEMORY_ENTRIES) break;
    memory.delete(oldest);
  }
  return compiled;
}

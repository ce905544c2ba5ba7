import { createHash } from "node:crypto";
import path from "node:path";

import { z } from "zod";

import { readHashedCacheFile, writeFileAtomically } from "../hashed-cache-file";
import { compileMdx, type CompiledMdx } from "./compile-mdx";
import { COMPILER_VERSION } from "./content-version";

const cachedDocumentSchema = z.object({
  inputHash: z.string(),
  document: z.object({ code: z.string() }),
});

/** sha256 over everything that determines a document's compiled output. */
export function computeDocumentInputHash(key: string, source: string): string {
  return createHash("sha256").update(COMPILER_VERSION).update("\0").update(key).update("\0").update(source).digest("hex");
}

export type CompileCache = {
  /** Returns the compiled document, compiling only when the input hash changed. */
  getCompiled(key: string, source: string): Promise<CompiledMdx>;
};

/** A compile cache storing one JSON file per document under cacheDir. */
export function createCompileCache(cacheDir: string, compile: (source: string) => Promise<CompiledMdx> = compileMdx): CompileCache {
  const fileFor = (key: string) => path.join(cacheDir, `${key.replace(/[^a-z0-9-]+/gi, "_")}.json`);

  return {
    async getCompiled(key, source) {
      const inputHash = computeDocumentInputHash(key, source);
      const file = fileFor(key);
      const hit = readHashedCacheFile(file, inputHash, cachedDocumentSchema)?.document;
      if (hit) return hit;
      const document = await compile(source);
      writeFileAtomically(file, JSON.stringify({ inputHash, document }));
      return document;
    },
  };
}

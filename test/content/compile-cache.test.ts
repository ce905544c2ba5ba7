import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { computeDocumentInputHash, createCompileCache } from "@/lib/content/compile-cache";

function countingCompiler() {
  const calls: string[] = [];
  const compile = async (source: string) => {
    calls.push(source);
    return { code: `compiled:${source}` };
  };
  return { calls, compile };
}

describe("createCompileCache", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-cache-"));
  });

  it("reuses the stored compile when the input is unchanged, even across instances", async () => {
    const { calls, compile } = countingCompiler();
    await createCompileCache(dir, compile).getCompiled("case-a", "# A");
    const second = await createCompileCache(dir, compile).getCompiled("case-a", "# A");
    expect(second).toEqual({ code: "compiled:# A" });
    expect(calls).toEqual(["# A"]);
  });

  it("recompiles when the source changed", async () => {
    const { calls, compile } = countingCompiler();
    const cache = createCompileCache(dir, compile);
    await cache.getCompiled("case-a", "# A");
    const changed = await cache.getCompiled("case-a", "# A, edited");
    expect(changed.code).toBe("compiled:# A, edited");
    expect(calls).toEqual(["# A", "# A, edited"]);
  });

  it("recompiles when the cache file is corrupt", async () => {
    const { calls, compile } = countingCompiler();
    const cache = createCompileCache(dir, compile);
    await cache.getCompiled("case-a", "# A");
    fs.writeFileSync(path.join(dir, "case-a.json"), "{not json");
    await cache.getCompiled("case-a", "# A");
    expect(calls).toHaveLength(2);
  });

  it("does not cache a failed compile", async () => {
    let attempts = 0;
    const cache = createCompileCache(dir, async () => {
      attempts++;
      throw new Error("broken");
    });
    await expect(cache.getCompiled("case-a", "# A")).rejects.toThrow("broken");
    await expect(cache.getCompiled("case-a", "# A")).rejects.toThrow("broken");
    expect(attempts).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("computeDocumentInputHash", () => {
  it("differs by key and by source", () => {
    const base = computeDocumentInputHash("case-a", "x");
    expect(computeDocumentInputHash("case-b", "x")).not.toBe(base);
    expect(computeDocumentInputHash("case-a", "y")).not.toBe(base);
    expect(computeDocumentInputHash("case-a", "x")).toBe(base);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { checkContent, formatProblem } from "@/lib/content/check-content";
import { createCompileCache } from "@/lib/content/compile-cache";
import { createPrisma } from "@/lib/db";
import { exportPublishedCases } from "@/lib/library/export";
import { actOnLibraryCase, createLibraryCase } from "@/lib/library/repository";
import { backends, createMigratedDatabase, ROOT } from "@/test/db/databases";
import { repositoryCaseWithZh } from "@/test/factories";

const { fields, body, zh } = repositoryCaseWithZh("k8s-dns-5s-conntrack-dnat-race");

/** A copy of the repository's content, for an export to write into. */
function copyOfContent(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "netriage-export-")), "content");
  fs.cpSync(path.join(ROOT, "content"), dir, { recursive: true });
  return dir;
}

describe.each(backends)("content:export on %s", (dialect) => {
  it("writes a published case and its Chinese version as a pair content:check accepts; a case without one lacks its Chinese page", async () => {
    const prisma = createPrisma(await createMigratedDatabase(dialect));
    const publish = async (title: string, withZh: boolean) => {
      const { id } = await createLibraryCase(prisma, { ...fields, title, body, zh: withZh ? zh : null });
      await actOnLibraryCase(prisma, id, "publish");
      return id;
    };
    const paired = await publish("Bilby pods see 5 s DNS delays", true);
    const alone = await publish("Dingo pods see 5 s DNS delays", false);
    const contentDir = copyOfContent();

    const { written, kept } = await exportPublishedCases(prisma, contentDir);
    const files = [`content/cases/${paired}.mdx`, `content/zh/cases/${paired}.mdx`, `content/cases/${alone}.mdx`];
    expect(written.map((file) => path.relative(path.dirname(contentDir), file))).toEqual(files);
    expect(kept).toEqual([]);
    expect(fs.readFileSync(path.join(contentDir, "zh/cases", `${paired}.mdx`), "utf8")).toContain(zh.body);

    const cache = createCompileCache(fs.mkdtempSync(path.join(os.tmpdir(), "netriage-export-cache-")));
    const problems = await checkContent({ contentDir, cache, onlyFiles: files });
    expect(problems.map(formatProblem)).toEqual([`content/cases/${alone}.mdx:1: missing Chinese page content/zh/cases/${alone}.mdx`]);

    // Once the repository holds the id, its files are kept as they are.
    fs.writeFileSync(path.join(contentDir, "zh/cases", `${paired}.mdx`), "kept as committed\n");
    const again = await exportPublishedCases(prisma, contentDir);
    expect(again.kept.map((file) => path.basename(file))).toEqual([`${paired}.mdx`, `${alone}.mdx`]);
    expect(fs.readFileSync(path.join(contentDir, "zh/cases", `${paired}.mdx`), "utf8")).toBe("kept as committed\n");
    await prisma.$disconnect();
  }, 60_000);
});

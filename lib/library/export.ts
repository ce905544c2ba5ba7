import fs from "node:fs";
import path from "node:path";

import type { PrismaClient } from "@/generated/prisma/client";

import { toCaseEntry } from "./live-library";

export type ExportResult = { written: string[]; kept: string[] };

/**
 * Writes every published in-app case as content/cases/<id>.mdx, the file content:check reads, and its
 * Chinese version as content/zh/cases/<id>.mdx when it has one. An id whose English file exists keeps its
 * files as they are: once the repository holds an id, its version wins.
 */
export async function exportPublishedCases(prisma: PrismaClient, contentDir: string): Promise<ExportResult> {
  const rows = await prisma.libraryCase.findMany({ where: { status: "published" }, orderBy: { id: "asc" } });
  const result: ExportResult = { written: [], kept: [] };
  const fileOf = (page: { file: string }) => path.join(contentDir, path.relative("content", page.file));
  for (const row of rows) {
    const entry = toCaseEntry(row);
    if (!entry) continue;
    if (fs.existsSync(fileOf(entry))) {
      result.kept.push(fileOf(entry));
      continue;
    }
    for (const page of [entry, ...(entry.zh ? [entry.zh] : [])]) {
      fs.mkdirSync(path.dirname(fileOf(page)), { recursive: true });
      fs.writeFileSync(fileOf(page), page.source);
      result.written.push(fileOf(page));
    }
  }
  return result;
}

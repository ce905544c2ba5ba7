import fs from "node:fs";
import path from "node:path";

import type { PrismaClient } from "@/generated/prisma/client";

import { CASES_DIR } from "../content/load-content";
import { toCaseMdx } from "./case-fields";
import { toCaseEntry } from "./live-library";

export type ExportResult = { written: string[]; kept: string[] };

/**
 * Writes every published in-app case as content/cases/<id>.mdx, the file content:check reads. A file
 * that already exists is kept as it is: once the repository holds an id, its version wins.
 */
export async function exportPublishedCases(prisma: PrismaClient, contentDir: string): Promise<ExportResult> {
  const rows = await prisma.libraryCase.findMany({ where: { status: "published" }, orderBy: { id: "asc" } });
  const result: ExportResult = { written: [], kept: [] };
  fs.mkdirSync(path.join(contentDir, CASES_DIR), { recursive: true });
  for (const row of rows) {
    const file = path.join(contentDir, CASES_DIR, `${row.id}.mdx`);
    const entry = toCaseEntry(row);
    if (!entry) continue;
    if (fs.existsSync(file)) {
      result.kept.push(file);
      continue;
    }
    const { id: _id, ...fields } = entry.frontmatter;
    fs.writeFileSync(file, toCaseMdx(row.id, fields, row.body));
    result.written.push(file);
  }
  return result;
}

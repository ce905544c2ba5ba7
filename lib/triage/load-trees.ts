import fs from "node:fs";
import path from "node:path";

import { treeSchema, type Tree } from "./tree-schema";

export const TREES_DIR = "trees";

export type TreeProblem = { file: string; message: string };

/** Reads and validates every content/trees/*.json; returns trees and problems (for content:check). */
export function readTrees(contentDir: string): { trees: Tree[]; problems: TreeProblem[] } {
  const dir = path.join(contentDir, TREES_DIR);
  const trees: Tree[] = [];
  const problems: TreeProblem[] = [];
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];
  for (const name of files) {
    const file = path.join("content", TREES_DIR, name);
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
    } catch (error) {
      problems.push({ file, message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const result = treeSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ file, message: `${issue.path.join(".")}: ${issue.message}` });
    } else if (result.data.id !== name.replace(/\.json$/, "")) {
      problems.push({ file, message: `id: "${result.data.id}" must equal the file name` });
    } else {
      trees.push(result.data);
    }
  }
  return { trees, problems };
}

/** Loads all trees; throws on the first invalid one. */
export function loadTrees(contentDir: string): Tree[] {
  const { trees, problems } = readTrees(contentDir);
  if (problems.length > 0) throw new Error(`${problems[0].file}: ${problems[0].message}`);
  return trees;
}

import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

import { checkCatalogues } from "../i18n/catalogues";
import { checkTrainingExercises } from "../training/check-exercises";
import { lintTrees } from "../triage/lint-trees";
import { readTrees, TREES_DIR } from "../triage/load-trees";
import type { CompileCache } from "./compile-cache";
import { MdxCompileError } from "./compile-mdx";
import { cacheKeyOf } from "./compiled";
import { checkContentRules } from "./content-rules";
import { ENTRY_SYMPTOMS } from "./entry-symptoms";
import { checkLanguagePair, listMissingZhPages, zhFileOf } from "./language-pairs";
import { readContent, ROOT_CAUSES_DIR } from "./load-content";
import type { CaseZhPage, ContentEntry, ContentProblem, RootCauseZhPage } from "./parse-entry";
import { ROOT_CAUSE_IDS } from "./root-cause-ids";
import { SEED_FILES } from "./schema";

export const INVENTORY_FILE = "seed-inventory.json";

const inventorySchema = z.object({
  cases: z.array(z.object({ id: z.string(), seedFile: z.enum(SEED_FILES), category: z.string().nullable() })),
});

export type CheckOptions = {
  contentDir: string;
  /** The message catalogues (`messages/<locale>.json`); their keys must match. */
  messagesDir?: string;
  cache: CompileCache;
  /** When set, only these files (paths as printed, `content/...`) are compiled and reported. */
  onlyFiles?: string[];
};

/**
 * Checks every entry (in both languages: a page without its Chinese page is a problem), compile,
 * reference, taxonomy page and inventory id; returns all problems.
 */
export async function checkContent({ contentDir, messagesDir, cache, onlyFiles }: CheckOptions): Promise<ContentProblem[]> {
  const raw = readContent(contentDir);
  const problems: ContentProblem[] = [];
  const zhPages = new Map<string, CaseZhPage | RootCauseZhPage>();
  for (const result of [...raw.zhCases, ...raw.zhRootCauses]) {
    if (result.ok) zhPages.set(result.entry.file, result.entry);
    else problems.push(...result.problems);
  }
  const entries: ContentEntry[] = [];
  for (const result of [...raw.cases, ...raw.rootCauses]) {
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const zh = zhPages.get(zhFileOf(result.entry));
    zhPages.delete(zhFileOf(result.entry));
    entries.push(zh ? ({ ...result.entry, zh } as ContentEntry) : result.entry);
  }
  for (const orphan of zhPages.values()) {
    problems.push({ file: orphan.file, line: 1, message: `no English page ${orphan.file.replace(/^content\/zh\//, "content/")} for this Chinese page` });
  }
  for (const entry of entries) problems.push(...checkLanguagePair(entry));
  problems.push(...listMissingZhPages(entries));
  if (messagesDir) problems.push(...checkCatalogues(messagesDir));

  const caseFileIds = new Set(raw.cases.map((r) => (r.ok ? r.entry.id : fileStemOf(r.problems[0].file))));
  const inventory = readInventory(contentDir);
  const inventoryIds = new Set(inventory.ok ? inventory.rows.map((row) => row.id) : []);
  for (const entry of entries) {
    if (entry.kind !== "case") continue;
    for (const relatedId of entry.frontmatter.related) {
      if (caseFileIds.has(relatedId)) continue;
      const message = inventoryIds.has(relatedId)
        ? `related: case "${relatedId}" is in the inventory but has no entry yet`
        : `related: unknown case id "${relatedId}"`;
      problems.push({ file: entry.file, line: findLine(entry.source, relatedId), message });
    }
  }

  const causeFiles = new Set(fs.existsSync(path.join(contentDir, ROOT_CAUSES_DIR)) ? fs.readdirSync(path.join(contentDir, ROOT_CAUSES_DIR)) : []);
  const known = { cases: caseFileIds, causes: new Set(ROOT_CAUSE_IDS) };
  for (const entry of entries) {
    problems.push(...checkInternalLinks(entry, known));
    if (entry.zh) problems.push(...checkInternalLinks(entry.zh, known));
  }
  for (const entry of entries) problems.push(...checkContentRules(entry));

  for (const id of ROOT_CAUSE_IDS) {
    if (!causeFiles.has(`${id}.mdx`)) {
      problems.push({ file: path.join("content", ROOT_CAUSES_DIR, `${id}.mdx`), line: 1, message: `missing page for taxonomy id "${id}"` });
    }
  }

  if (!inventory.ok) problems.push(inventory.problem);
  else {
    for (const row of inventory.rows) {
      if (caseFileIds.has(row.id)) continue;
      problems.push({
        file: inventory.file,
        line: findLine(inventory.text, `"${row.id}"`),
        message: `no case entry content/cases/${row.id}.mdx for inventory id "${row.id}"`,
      });
    }
  }

  problems.push(...checkTrees(contentDir));
  problems.push(...checkTrainingExercises(entries, readTrees(contentDir).trees));

  const wanted = onlyFiles ? new Set(onlyFiles.map(normalise)) : undefined;
  const pages = entries.flatMap((entry) => [
    { file: entry.file, key: cacheKeyOf(entry, "en"), source: entry.source },
    ...(entry.zh ? [{ file: entry.zh.file, key: cacheKeyOf(entry, "zh"), source: entry.zh.source }] : []),
  ]);
  for (const page of pages) {
    if (wanted && !wanted.has(normalise(page.file))) continue;
    try {
      await cache.getCompiled(page.key, page.source);
    } catch (error) {
      const line = error instanceof MdxCompileError ? (error.line ?? 1) : 1;
      problems.push({ file: page.file, line, message: `MDX does not compile: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  const only = (list: ContentProblem[]) => {
    const sorted = list.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return wanted ? sorted.filter((p) => wanted.has(normalise(p.file))) : sorted;
  };
  return only(problems);
}

/** Tree schema and lint problems, located at the node's line in its JSON file. */
function checkTrees(contentDir: string): ContentProblem[] {
  const { trees, problems } = readTrees(contentDir);
  const located = problems.map((p) => ({ file: p.file, line: 1, message: p.message }));
  for (const symptom of ENTRY_SYMPTOMS) {
    if (!trees.some((tree) => tree.symptom === symptom.id) && !problems.some((p) => p.file.endsWith(`/${symptom.id}.json`))) {
      located.push({
        file: path.join("content", TREES_DIR, `${symptom.id}.json`),
        line: 1,
        message: `missing decision tree for entry symptom "${symptom.id}"`,
      });
    }
  }
  for (const problem of lintTrees(trees)) {
    const file = path.join("content", TREES_DIR, `${problem.tree}.json`);
    const text = fs.readFileSync(path.join(contentDir, TREES_DIR, `${problem.tree}.json`), "utf8");
    const line = problem.node ? findLine(text, `"id": "${problem.node}"`) : 1;
    located.push({ file, line, message: problem.node ? `${problem.node}: ${problem.message}` : problem.message });
  }
  return located;
}

const INTERNAL_LINK = /\]\(\/(cases|causes)\/([^)\s#?]+)/g;

/** Markdown links to /cases/<id> and /causes/<id> must point at an entry that exists. */
export function checkInternalLinks(
  entry: Pick<ContentEntry, "file" | "body" | "bodyStartLine">,
  known: { cases: Set<string>; causes: Set<string> },
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  entry.body.split("\n").forEach((text, index) => {
    for (const [, section, id] of text.matchAll(INTERNAL_LINK)) {
      if (!known[section as "cases" | "causes"].has(id)) {
        problems.push({ file: entry.file, line: entry.bodyStartLine + index, message: `link to /${section}/${id}: no such entry` });
      }
    }
  });
  return problems;
}

type InventoryRow = z.infer<typeof inventorySchema>["cases"][number];
type Inventory = { ok: true; file: string; text: string; rows: InventoryRow[] } | { ok: false; problem: ContentProblem };

function readInventory(contentDir: string): Inventory {
  const file = path.join("content", INVENTORY_FILE);
  let text: string;
  try {
    text = fs.readFileSync(path.join(contentDir, INVENTORY_FILE), "utf8");
  } catch {
    return { ok: false, problem: { file, line: 1, message: "inventory file is missing" } };
  }
  const parsed = inventorySchema.safeParse(safeJson(text));
  if (!parsed.success) return { ok: false, problem: { file, line: 1, message: `inventory is malformed: ${parsed.error.issues[0].message}` } };
  return { ok: true, file, text, rows: parsed.data.cases };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function findLine(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index === -1 ? 1 : text.slice(0, index).split("\n").length;
}

function fileStemOf(file: string): string {
  return path.basename(file, ".mdx");
}

function normalise(file: string): string {
  return path.normalize(file).replace(/^\.\//, "");
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

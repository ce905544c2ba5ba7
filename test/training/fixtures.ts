// The real library and trees, and builders for drills made from synthetic cases added to it.
import path from "node:path";

import { createContentLibrary } from "@/lib/content/library";
import { loadContent } from "@/lib/content/load-content";
import { parseCaseEntry, type CaseEntry } from "@/lib/content/parse-entry";
import { buildCatalogueFromEntries } from "@/lib/training/catalogue";
import { loadTrees } from "@/lib/triage/load-trees";

import { caseSource } from "../factories";

export const CONTENT_DIR = path.join(import.meta.dirname, "../../content");
export const content = loadContent(CONTENT_DIR);
export const trees = loadTrees(CONTENT_DIR);
export const library = createContentLibrary(content.cases, content.rootCauses);
export const catalogue = buildCatalogueFromEntries(content.cases, content.rootCauses, trees);

const SECTIONS = ["Issue", "Environment", "Diagnosis", "Cause", "Resolution", "How to spot it next time"] as const;
type Sections = Partial<Record<(typeof SECTIONS)[number], string>>;

/** A problem case parsed by the real parser; sections default to one plain sentence. */
export function syntheticCase(id: string, frontmatter: Record<string, unknown>, sections: Sections = {}): CaseEntry {
  const body = SECTIONS.map((heading) => `## ${heading}\n\n${sections[heading] ?? "Something happened."}\n`).join("\n");
  const result = parseCaseEntry(`content/cases/${id}.mdx`, caseSource({ id, ...frontmatter }, body));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return result.entry;
}

/** The catalogue of the real library plus the given cases. */
export function catalogueWith(...extra: CaseEntry[]) {
  return buildCatalogueFromEntries([...content.cases, ...extra], content.rootCauses, trees);
}

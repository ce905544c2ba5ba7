import path from "node:path";

import { createContentLibrary } from "@/lib/content/library";
import { loadContent } from "@/lib/content/load-content";
import { getSectionMarkdown, type CaseEntry } from "@/lib/content/parse-entry";
import type { RootCauseId } from "@/lib/content/root-cause-ids";
import { buildTriageKnowledge } from "@/lib/triage/knowledge";
import { loadTrees } from "@/lib/triage/load-trees";

export const CONTENT_DIR = path.join(import.meta.dirname, "../../content");

const { cases, rootCauses } = loadContent(CONTENT_DIR);
export const library = createContentLibrary(cases, rootCauses);
export const knowledge = buildTriageKnowledge(library, loadTrees(CONTENT_DIR));

export type CaseFixture = { id: string; cause: RootCauseId; issue: string; description: string; outputs: { text: string }[] };

const OUTPUT_LANGUAGES = new Set(["text", "console", ""]);

/** The ```text blocks of a markdown section: the outputs a case quotes. */
export function quotedOutputs(markdown: string): string[] {
  const blocks: string[] = [];
  let fence: { capture: boolean; lines: string[] } | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*```(\w*)/.exec(line);
    if (marker && fence) {
      if (fence.capture) blocks.push(fence.lines.join("\n"));
      fence = undefined;
    } else if (marker) {
      fence = { capture: OUTPUT_LANGUAGES.has(marker[1]), lines: [] };
    } else if (fence) {
      fence.lines.push(line);
    }
  }
  return blocks.filter((b) => b.trim().length > 0);
}

/**
 * Every resolved problem case as a ticket: its symptom text (Issue and Environment sections and the
 * symptoms it lists) as the description, the outputs quoted in its Diagnosis and its exact error
 * strings as pasted outputs, and its root cause as the expected answer.
 */
export function resolvedCaseFixtures(): CaseFixture[] {
  return library.cases.flatMap((entry: CaseEntry) => {
    const f = entry.frontmatter;
    if (f.type !== "problem" || f.status !== "resolved" || !f.rootCause) return [];
    const description = [getSectionMarkdown(entry.body, "Issue"), getSectionMarkdown(entry.body, "Environment"), ...f.symptoms].join("\n\n");
    const quoted = quotedOutputs(getSectionMarkdown(entry.body, "Diagnosis"));
    const outputs = [...quoted, ...(f.errorStrings.length > 0 ? [f.errorStrings.join("\n")] : [])].map((text) => ({ text }));
    return [{ id: entry.id, cause: f.rootCause, issue: getSectionMarkdown(entry.body, "Issue"), description, outputs }];
  });
}

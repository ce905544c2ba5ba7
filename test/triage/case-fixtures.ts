import path from "node:path";

import { createContentLibrary } from "@/lib/content/library";
import { loadContent } from "@/lib/content/load-content";
import { getSectionMarkdown, type CaseEntry } from "@/lib/content/parse-entry";
import type { RootCauseId } from "@/lib/content/root-cause-ids";
import { parseBlocks } from "@/lib/training/markdown";
import { quotedOutputs } from "@/lib/training/quoted-outputs";
import { buildTriageKnowledge } from "@/lib/triage/knowledge";
import { loadTrees } from "@/lib/triage/load-trees";
import { loadTicketSets, TICKETS_DIR } from "@/lib/triage/tickets";

export const CONTENT_DIR = path.join(import.meta.dirname, "../../content");

const { cases, rootCauses } = loadContent(CONTENT_DIR);
export const library = createContentLibrary(cases, rootCauses);
/** The knowledge the product runs with: the library, the trees and the confirmed tickets. */
export const knowledge = buildTriageKnowledge(library, loadTrees(CONTENT_DIR), loadTicketSets(path.join(CONTENT_DIR, TICKETS_DIR)));

export type CaseFixture = { id: string; cause: RootCauseId; issue: string; description: string; outputs: { text: string }[] };

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
    const quoted = quotedOutputs(parseBlocks(getSectionMarkdown(entry.body, "Diagnosis"))).map((output) => output.text);
    const outputs = [...quoted, ...(f.errorStrings.length > 0 ? [f.errorStrings.join("\n")] : [])].map((text) => ({ text }));
    return [{ id: entry.id, cause: f.rootCause, issue: getSectionMarkdown(entry.body, "Issue"), description, outputs }];
  });
}

import path from "node:path";

import { getContentLibrary, type ContentLibrary } from "../content/library";
import { getSectionMarkdown } from "../content/parse-entry";
import { ROOT_CAUSE_IDS, type RootCauseId } from "../content/root-cause-ids";
import { REQUIRED_HEADINGS_ZH } from "../content/schema";
import { getContentDir } from "../env";
import { loadTrees } from "./load-trees";
import { trainTextModel, type LabelledText, type TextModel } from "./text-model";
import { loadTicketSets, TICKETS_DIR, ticketText, type LabelledTicket } from "./tickets";
import type { Tree } from "./tree-schema";

/** Everything the engine knows besides the evidence: causes, their cases, priors and trees. */
export type TriageKnowledge = {
  causes: { id: RootCauseId; title: string; titleZh?: string }[];
  /** Case ids per cause, confirmed cases first, then cases where it was suspected. */
  casesByCause: Map<RootCauseId, string[]>;
  /** Natural-log prior per cause. */
  logPriors: Map<RootCauseId, number>;
  trees: Tree[];
  /** What the wording of confirmed tickets and documented cases says about each cause. */
  textModel: TextModel;
  /** Each cause's fix (the first paragraphs of its page's "Fix and prevention"), for the step after confirming. */
  fixes?: Map<RootCauseId, string>;
  /** The same from the cause's Chinese page, where it has one. */
  fixesZh?: Map<RootCauseId, string>;
};

/** The first paragraphs of a cause page's fix section ("修复与预防" on a Chinese page). */
export function fixSectionOf(body: string, heading = "Fix and prevention"): string {
  return getSectionMarkdown(body, heading).split("\n\n").slice(0, 4).join("\n\n").trim();
}

/** The heading of a Chinese cause page's fix section. */
export const FIX_HEADING_ZH = REQUIRED_HEADINGS_ZH.rootCause[3];

/**
 * Builds the engine's knowledge from the content library. Priors follow how often each cause
 * appears in documented cases (add-one smoothed, square-rooted so a few documented cases do not
 * outweigh real evidence), so common causes win ties.
 */
export function buildTriageKnowledge(library: ContentLibrary, trees: Tree[], confirmedTickets: LabelledTicket[] = []): TriageKnowledge {
  const casesByCause = new Map<RootCauseId, string[]>();
  const counts = new Map<RootCauseId, number>();
  for (const id of ROOT_CAUSE_IDS) {
    const { confirmed, suspected } = library.casesForCause(id);
    casesByCause.set(
      id,
      [...confirmed, ...suspected].map((c) => c.id),
    );
    counts.set(id, Math.sqrt(confirmed.length + 0.25 * suspected.length + 1));
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const logPriors = new Map(ROOT_CAUSE_IDS.map((id) => [id, Math.log((counts.get(id) ?? 1) / total)]));
  const causes = ROOT_CAUSE_IDS.map((id) => {
    const frontmatter = library.getRootCause(id)?.frontmatter;
    return { id, title: frontmatter?.title ?? id, ...(frontmatter?.titleZh ? { titleZh: frontmatter.titleZh } : {}) };
  });
  const fixes = new Map<RootCauseId, string>();
  const fixesZh = new Map<RootCauseId, string>();
  for (const id of ROOT_CAUSE_IDS) {
    const entry = library.getRootCause(id);
    if (entry) fixes.set(id, fixSectionOf(entry.body));
    if (entry?.zh) fixesZh.set(id, fixSectionOf(entry.zh.body, FIX_HEADING_ZH));
  }
  return { causes, casesByCause, logPriors, trees, fixes, fixesZh, textModel: trainTextModel(labelledTexts(library, confirmedTickets)) };
}

/** Training texts: every case with a known cause, every cause page, every confirmed ticket. */
export function labelledTexts(library: ContentLibrary, tickets: LabelledTicket[]): LabelledText[] {
  const cases = library.cases.flatMap((entry) => {
    const f = entry.frontmatter;
    if (f.type !== "problem" || !f.rootCause) return [];
    return [{ text: [f.title, f.titleZh ?? "", ...f.symptoms, ...f.errorStrings, entry.body].join("\n"), cause: f.rootCause }];
  });
  const causePages = library.rootCauses.map((entry) => ({
    text: [entry.frontmatter.title, ...(entry.frontmatter.aliases ?? []), entry.body].join("\n"),
    cause: entry.id as RootCauseId,
  }));
  return [...cases, ...causePages, ...tickets.map((ticket) => ({ text: ticketText(ticket), cause: ticket.expected }))];
}

let cached: TriageKnowledge | undefined;

/** The knowledge of the configured content dir, built once per process. */
export function getTriageKnowledge(): TriageKnowledge {
  cached ??= buildTriageKnowledge(getContentLibrary(), loadTrees(getContentDir()), loadTicketSets(path.join(getContentDir(), TICKETS_DIR)));
  return cached;
}

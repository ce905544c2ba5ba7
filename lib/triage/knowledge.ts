import path from "node:path";

import { getContentLibrary, type ContentLibrary } from "../content/library";
import { getSectionMarkdown, type CaseEntry } from "../content/parse-entry";
import { ROOT_CAUSE_IDS, type RootCauseId } from "../content/root-cause-ids";
import { REQUIRED_HEADINGS_ZH } from "../content/schema";
import { getContentDir } from "../env";
import {
  boundPerCause,
  MAX_LEARNED_PRIOR_PER_CAUSE,
  MAX_LEARNED_TEXTS_PER_CAUSE,
  NOTHING_LEARNED,
  type LearnedCase,
  type LearnedSet,
  type LearnedTicket,
} from "./learned";
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
 * appears in documented cases, published in-app cases (`inApp`, newest first) and confirmed triage
 * sessions (`learned`, newest first), at most MAX_LEARNED_PRIOR_PER_CAUSE of each of the last two,
 * add-one smoothed and square-rooted so a few documented cases do not outweigh real evidence, so
 * common causes win ties. Each cause lists its documented cases, then its most recent in-app ones.
 * The text model reads the library, the confirmed tickets of content/tickets and the most recent
 * in-app cases and confirmed sessions of each cause.
 */
export function buildTriageKnowledge(
  library: ContentLibrary,
  trees: Tree[],
  confirmedTickets: LabelledTicket[] = [],
  learned: LearnedTicket[] = [],
  inApp: LearnedCase[] = [],
): TriageKnowledge {
  const learnedPerCause = new Map<RootCauseId, number>();
  for (const item of [...boundPerCause(learned, MAX_LEARNED_PRIOR_PER_CAUSE), ...boundPerCause(inApp, MAX_LEARNED_PRIOR_PER_CAUSE)])
    learnedPerCause.set(item.cause, (learnedPerCause.get(item.cause) ?? 0) + 1);
  const listedInApp = boundPerCause(inApp, MAX_LEARNED_TEXTS_PER_CAUSE);
  const casesByCause = new Map<RootCauseId, string[]>();
  const counts = new Map<RootCauseId, number>();
  for (const id of ROOT_CAUSE_IDS) {
    const { confirmed, suspected } = library.casesForCause(id);
    casesByCause.set(id, [...confirmed.map((c) => c.id), ...listedInApp.filter((c) => c.cause === id).map((c) => c.id), ...suspected.map((c) => c.id)]);
    counts.set(id, Math.sqrt(confirmed.length + 0.25 * suspected.length + 1 + (learnedPerCause.get(id) ?? 0)));
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
  return { causes, casesByCause, logPriors, trees, fixes, fixesZh, textModel: trainTextModel(labelledTexts(library, confirmedTickets, learned, listedInApp)) };
}

/** What the text model reads of a case: its titles, symptoms, error strings and body. */
const caseText = (entry: CaseEntry): string => {
  const f = entry.frontmatter;
  return [f.title, f.titleZh ?? "", ...f.symptoms, ...f.errorStrings, entry.body].join("\n");
};

/** A case the engine learns from (a problem case with a confirmed cause), else undefined. */
export function learnedCaseOf(entry: CaseEntry): LearnedCase | undefined {
  const { type, rootCause } = entry.frontmatter;
  return type === "problem" && rootCause ? { id: entry.id, cause: rootCause, text: caseText(entry) } : undefined;
}

/**
 * Training texts: every case with a known cause, every cause page, every confirmed ticket, the most
 * recent confirmed sessions and in-app cases of each cause.
 */
export function labelledTexts(library: ContentLibrary, tickets: LabelledTicket[], learned: LearnedTicket[] = [], inApp: LearnedCase[] = []): LabelledText[] {
  const cases = library.cases.flatMap((entry) => learnedCaseOf(entry) ?? []);
  const causePages = library.rootCauses.map((entry) => ({
    text: [entry.frontmatter.title, ...(entry.frontmatter.aliases ?? []), entry.body].join("\n"),
    cause: entry.id as RootCauseId,
  }));
  return [
    ...cases,
    ...causePages,
    ...tickets.map((ticket) => ({ text: ticketText(ticket), cause: ticket.expected })),
    ...boundPerCause(learned, MAX_LEARNED_TEXTS_PER_CAUSE).map((ticket) => ({ text: ticketText(ticket), cause: ticket.cause })),
    ...boundPerCause(inApp, MAX_LEARNED_TEXTS_PER_CAUSE),
  ];
}

/** The configured content dir's knowledge plus the confirmed sessions of `learned` and the in-app cases of `inApp`, built afresh. */
export function buildContentKnowledge(learned: LearnedTicket[] = [], inApp: LearnedCase[] = []): TriageKnowledge {
  const contentDir = getContentDir();
  return buildTriageKnowledge(getContentLibrary(), loadTrees(contentDir), loadTicketSets(path.join(contentDir, TICKETS_DIR)), learned, inApp);
}

let cached: TriageKnowledge | undefined;
let cachedLearned: { key: string; knowledge: TriageKnowledge } | undefined;

/**
 * The knowledge of the configured content dir plus what `learned` holds (confirmed sessions, in-app
 * cases): built once per process, and again only when the learned set's key changes (see
 * lib/library/live-knowledge.ts).
 */
export function getTriageKnowledge(learned: LearnedSet = NOTHING_LEARNED): TriageKnowledge {
  if (learned.tickets.length === 0 && learned.cases.length === 0) {
    cached ??= buildContentKnowledge();
    return cached;
  }
  if (cachedLearned?.key !== learned.key) cachedLearned = { key: learned.key, knowledge: buildContentKnowledge(learned.tickets, learned.cases) };
  return cachedLearned.knowledge;
}

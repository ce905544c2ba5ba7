import { createContentLibrary, getContentLibrary, type ContentLibrary } from "../content/library";
import { causeTitle } from "../content/localized";
import { getSectionMarkdown, type CaseEntry, type RootCauseEntry } from "../content/parse-entry";
import type { RootCauseId } from "../content/root-cause-ids";
import { REQUIRED_HEADINGS_ZH } from "../content/schema";
import { buildTriageKnowledge, getTriageKnowledge, type TriageKnowledge } from "../triage/knowledge";
import type { Lang } from "../triage/language";
import type { Tree } from "../triage/tree-schema";
import type { Exercise } from "./exercise";
import { buildCauseTerms, type KeyTerm } from "./key-terms";
import { buildSignalDrills } from "./signal-drill";
import { buildTicketDrill } from "./ticket-drill";

/** A resolved problem case that yields no ticket drill, and why. */
export type ExerciseFailure = { caseId: string; file: string; reason: string };

export type ExerciseCatalogue = {
  /** The language of every drill's texts and of titleOf. */
  lang: Lang;
  exercises: Exercise[];
  failures: ExerciseFailure[];
  causeTerms: Map<RootCauseId, KeyTerm[]>;
  get(id: string): Exercise | undefined;
  titleOf(id: RootCauseId): string;
  /** The drills a case yields (a ticket drill when it is a resolved problem that allows one, then its signal drills), with this catalogue's context. */
  drillsOf(entry: CaseEntry): Exercise[];
  /** This catalogue with `more` drills: each kind's after its own of that kind, so its own keep their labels (numbered per kind). */
  withDrills(more: Exercise[]): ExerciseCatalogue;
};

export const isResolvedProblem = (entry: CaseEntry) => entry.frontmatter.type === "problem" && entry.frontmatter.status === "resolved";

/**
 * Every drill the library yields: a ticket drill per resolved problem case, then the signal drills,
 * with their texts in `lang`. The drills, their ids and their right answers are the same in every
 * language. Pure.
 */
export function buildExerciseCatalogue(library: ContentLibrary, knowledge: TriageKnowledge, lang: Lang = "en"): ExerciseCatalogue {
  const titleOf = (id: RootCauseId) => {
    const cause = library.getRootCause(id);
    return cause ? causeTitle(cause, lang) : id;
  };
  const [issueZh, environmentZh] = REQUIRED_HEADINGS_ZH.problem;
  const ticketTexts = library.cases
    .filter((c) => c.frontmatter.type === "problem")
    .flatMap((c) => {
      const cause = c.frontmatter.rootCause ?? c.id;
      const english = { cause, text: `${getSectionMarkdown(c.body, "Issue")}\n${getSectionMarkdown(c.body, "Environment")}` };
      const chinese = c.zh && { cause, text: `${getSectionMarkdown(c.zh.body, issueZh)}\n${getSectionMarkdown(c.zh.body, environmentZh)}` };
      return chinese ? [english, chinese] : [english];
    });
  const causeTerms = buildCauseTerms(library.rootCauses, ticketTexts);
  const context = { knowledge, causeTerms, titleOf, lang };

  const tickets: Exercise[] = [];
  const failures: ExerciseFailure[] = [];
  for (const entry of library.cases.filter(isResolvedProblem)) {
    const result = buildTicketDrill(entry, context);
    if (result.ok) tickets.push(result.exercise);
    else failures.push({ caseId: entry.id, file: entry.file, reason: result.reason });
  }
  const signals = library.cases.flatMap((entry) => buildSignalDrills(entry, titleOf, lang));
  const drillsOf = (entry: CaseEntry): Exercise[] => {
    const ticket = isResolvedProblem(entry) ? buildTicketDrill(entry, context) : undefined;
    return [...(ticket?.ok ? [ticket.exercise] : []), ...buildSignalDrills(entry, titleOf, lang)];
  };
  const assemble = (exercises: Exercise[]): ExerciseCatalogue => {
    const byId = new Map(exercises.map((e) => [e.id, e]));
    return {
      lang,
      exercises,
      failures,
      causeTerms,
      get: (id) => byId.get(id),
      titleOf,
      drillsOf,
      withDrills: (more) =>
        assemble([
          ...exercises.filter((e) => e.kind === "ticket"),
          ...more.filter((e) => e.kind === "ticket"),
          ...exercises.filter((e) => e.kind === "signal"),
          ...more.filter((e) => e.kind === "signal"),
        ]),
    };
  };
  return assemble([...tickets, ...signals]);
}

/** The catalogue of given entries and trees (content:check builds it before the library can load). */
export function buildCatalogueFromEntries(cases: CaseEntry[], rootCauses: RootCauseEntry[], trees: Tree[], lang: Lang = "en"): ExerciseCatalogue {
  const library = createContentLibrary(cases, rootCauses);
  return buildExerciseCatalogue(library, buildTriageKnowledge(library, trees), lang);
}

const cached = new Map<Lang, ExerciseCatalogue>();

/** The catalogue of the configured content in `lang`, built once per process and language. */
export function getExerciseCatalogue(lang: Lang = "en"): ExerciseCatalogue {
  let catalogue = cached.get(lang);
  if (!catalogue) {
    catalogue = buildExerciseCatalogue(getContentLibrary(), getTriageKnowledge(), lang);
    cached.set(lang, catalogue);
  }
  return catalogue;
}

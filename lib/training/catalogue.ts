import { createContentLibrary, getContentLibrary, type ContentLibrary } from "../content/library";
import { getSectionMarkdown, type CaseEntry, type RootCauseEntry } from "../content/parse-entry";
import type { RootCauseId } from "../content/root-cause-ids";
import { buildTriageKnowledge, getTriageKnowledge, type TriageKnowledge } from "../triage/knowledge";
import type { Tree } from "../triage/tree-schema";
import type { Exercise } from "./exercise";
import { buildCauseTerms, type KeyTerm } from "./key-terms";
import { buildSignalDrills } from "./signal-drill";
import { buildTicketDrill } from "./ticket-drill";

/** A resolved problem case that yields no ticket drill, and why. */
export type ExerciseFailure = { caseId: string; file: string; reason: string };

export type ExerciseCatalogue = {
  exercises: Exercise[];
  failures: ExerciseFailure[];
  causeTerms: Map<RootCauseId, KeyTerm[]>;
  get(id: string): Exercise | undefined;
  titleOf(id: RootCauseId): string;
};

export const isResolvedProblem = (entry: CaseEntry) => entry.frontmatter.type === "problem" && entry.frontmatter.status === "resolved";

/** Every drill the library yields: a ticket drill per resolved problem case, then the signal drills. Pure. */
export function buildExerciseCatalogue(library: ContentLibrary, knowledge: TriageKnowledge): ExerciseCatalogue {
  const titleOf = (id: RootCauseId) => library.getRootCause(id)?.frontmatter.title ?? id;
  const tickets = library.cases
    .filter((c) => c.frontmatter.type === "problem")
    .map((c) => ({ cause: c.frontmatter.rootCause ?? c.id, text: `${getSectionMarkdown(c.body, "Issue")}\n${getSectionMarkdown(c.body, "Environment")}` }));
  const causeTerms = buildCauseTerms(library.rootCauses, tickets);
  const context = { knowledge, causeTerms, titleOf };

  const exercises: Exercise[] = [];
  const failures: ExerciseFailure[] = [];
  for (const entry of library.cases.filter(isResolvedProblem)) {
    const result = buildTicketDrill(entry, context);
    if (result.ok) exercises.push(result.exercise);
    else failures.push({ caseId: entry.id, file: entry.file, reason: result.reason });
  }
  for (const entry of library.cases) exercises.push(...buildSignalDrills(entry, titleOf));

  const byId = new Map(exercises.map((e) => [e.id, e]));
  return { exercises, failures, causeTerms, get: (id) => byId.get(id), titleOf };
}

/** The catalogue of given entries and trees (content:check builds it before the library can load). */
export function buildCatalogueFromEntries(cases: CaseEntry[], rootCauses: RootCauseEntry[], trees: Tree[]): ExerciseCatalogue {
  const library = createContentLibrary(cases, rootCauses);
  return buildExerciseCatalogue(library, buildTriageKnowledge(library, trees));
}

let cached: ExerciseCatalogue | undefined;

/** The catalogue of the configured content, built once per process. */
export function getExerciseCatalogue(): ExerciseCatalogue {
  cached ??= buildExerciseCatalogue(getContentLibrary(), getTriageKnowledge());
  return cached;
}

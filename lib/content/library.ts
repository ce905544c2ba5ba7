import { getContentDir } from "../env";
import { loadContent } from "./load-content";
import type { CaseEntry, RootCauseEntry } from "./parse-entry";
import type { RootCauseId } from "./root-cause-ids";

export type CauseCases = {
  confirmed: CaseEntry[];
  suspected: CaseEntry[];
  ruledOut: CaseEntry[];
  background: CaseEntry[];
};

export type ContentLibrary = {
  cases: CaseEntry[];
  rootCauses: RootCauseEntry[];
  getCase(id: string): CaseEntry | undefined;
  getRootCause(id: string): RootCauseEntry | undefined;
  /** Cases that name a cause, derived from their frontmatter (never hand-kept). */
  casesForCause(id: RootCauseId): CauseCases;
  /** Cases that list this one in `related`, plus the ones it lists itself. */
  relatedCases(id: string): CaseEntry[];
};

/** Builds the indexed library from validated entries. Pure. */
export function createContentLibrary(cases: CaseEntry[], rootCauses: RootCauseEntry[]): ContentLibrary {
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const causeById = new Map(rootCauses.map((c) => [c.id, c]));
  const pick = (predicate: (c: CaseEntry) => boolean) => cases.filter(predicate);

  return {
    cases,
    rootCauses,
    getCase: (id) => caseById.get(id),
    getRootCause: (id) => causeById.get(id),
    casesForCause: (id) => ({
      confirmed: pick((c) => c.frontmatter.rootCause === id),
      suspected: pick((c) => c.frontmatter.suspectedCauses.includes(id)),
      ruledOut: pick((c) => c.frontmatter.ruledOutCauses.includes(id)),
      background: pick((c) => c.frontmatter.relatedCauses.includes(id)),
    }),
    relatedCases: (id) => {
      const own = caseById.get(id)?.frontmatter.related ?? [];
      const ids = new Set([...own, ...cases.filter((c) => c.frontmatter.related.includes(id)).map((c) => c.id)]);
      ids.delete(id);
      return [...ids].flatMap((relatedId) => caseById.get(relatedId) ?? []);
    },
  };
}

let cached: ContentLibrary | undefined;

/** The library of the configured content dir, loaded once per process; throws on a bad entry. */
export function getContentLibrary(): ContentLibrary {
  if (!cached) {
    const { cases, rootCauses } = loadContent(getContentDir());
    cached = createContentLibrary(cases, rootCauses);
  }
  return cached;
}

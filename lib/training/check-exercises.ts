import type { ContentEntry, ContentProblem } from "../content/parse-entry";
import type { Tree } from "../triage/tree-schema";
import { buildCatalogueFromEntries } from "./catalogue";

/** A problem for every resolved problem case that yields no training drill, saying why (for content:check). */
export function checkTrainingExercises(entries: ContentEntry[], trees: Tree[]): ContentProblem[] {
  const cases = entries.flatMap((e) => (e.kind === "case" ? [e] : []));
  const rootCauses = entries.flatMap((e) => (e.kind === "rootCause" ? [e] : []));
  const { failures } = buildCatalogueFromEntries(cases, rootCauses, trees);
  return failures.map(({ file, reason }) => ({ file, line: 1, message: `cannot build a training exercise: ${reason}` }));
}

import { createHash } from "node:crypto";

import { SIGNAL_DEFINITIONS } from "../evidence/signals";
import type { TriageKnowledge } from "./knowledge";
import { SCORE_TEMPERATURE, SINCE_BOOT_FACTOR, TEXT_MODEL_WEIGHT } from "./rank";

/**
 * Bump when the engine's code reads or ranks differently in a way its data does not show (an output
 * parser, a prose reading, how the walk or the ranking combines evidence).
 */
export const ENGINE_REVISION = 1;

const versions = new WeakMap<TriageKnowledge, string>();

/** Regular expressions hash by their source and flags; everything else as JSON. */
const stable = (_key: string, value: unknown) => (value instanceof RegExp ? String(value) : value);

/**
 * The engine's version: 12 hex digits of a SHA-256 over what decides a diagnosis: ENGINE_REVISION,
 * the ranking constants, every signal's definition (detection phrases, group, weights), the decision
 * trees, the priors, the cases per cause, the fixes and the text model (so confirmed sessions it
 * learned from change it too). Computed once per knowledge.
 */
export function engineVersionOf(knowledge: TriageKnowledge): string {
  const known = versions.get(knowledge);
  if (known) return known;
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ ENGINE_REVISION, TEXT_MODEL_WEIGHT, SCORE_TEMPERATURE, SINCE_BOOT_FACTOR }));
  hash.update(JSON.stringify(SIGNAL_DEFINITIONS, stable));
  hash.update(JSON.stringify(knowledge.trees));
  hash.update(JSON.stringify([...knowledge.logPriors], stable));
  hash.update(JSON.stringify([...knowledge.casesByCause]));
  hash.update(JSON.stringify([...(knowledge.fixes ?? [])]));
  hash.update(JSON.stringify(knowledge.textModel.causes));
  for (const term of [...knowledge.textModel.terms.keys()].sort()) {
    hash.update(term);
    hash.update(new Uint8Array((knowledge.textModel.terms.get(term) as Float64Array).buffer));
  }
  const version = hash.digest("hex").slice(0, 12);
  versions.set(knowledge, version);
  return version;
}

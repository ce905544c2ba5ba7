// The drills as learners see them on this instance: the repository's catalogue plus the drills of the
// cases published in the app, current with the live library (lib/library/live-library.ts).
import type { PrismaClient } from "@/generated/prisma/client";

import type { CaseEntry } from "../content/parse-entry";
import { getPrisma } from "../db";
import { getLiveInAppCases } from "../library/live-library";
import type { Lang } from "../triage/language";
import { getExerciseCatalogue, type ExerciseCatalogue } from "./catalogue";
import type { Exercise } from "./exercise";

type LiveCatalogue = { version: number; catalogue: ExerciseCatalogue };

const current = new Map<Lang, LiveCatalogue>();
/** Each in-app case's drills, built once per entry (a changed case is a new entry) and language. */
const drillsByEntry = new Map<Lang, WeakMap<CaseEntry, Exercise[]>>();

/**
 * The repository's drills, then those of the published in-app cases, built with the repository
 * catalogue's context (its key terms, trees and rules), so a repository drill never changes when a
 * case is published. Rebuilt when the library version changes; a case's drills are built once.
 */
export async function getLiveExerciseCatalogue(lang: Lang = "en", prisma: PrismaClient = getPrisma()): Promise<ExerciseCatalogue> {
  const { version, cases } = await getLiveInAppCases(prisma);
  const base = getExerciseCatalogue(lang);
  if (cases.length === 0) return base;
  const known = current.get(lang);
  if (known?.version === version) return known.catalogue;
  let built = drillsByEntry.get(lang);
  if (!built) drillsByEntry.set(lang, (built = new WeakMap()));
  const drills = cases.flatMap((entry) => {
    let own = built.get(entry);
    if (!own) built.set(entry, (own = base.drillsOf(entry)));
    return own;
  });
  const catalogue = base.withDrills(drills);
  current.set(lang, { version, catalogue });
  return catalogue;
}

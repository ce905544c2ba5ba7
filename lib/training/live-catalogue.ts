// The drills as learners see them on this instance: the repository's catalogue plus the drills of the
// cases published in the app, current with the live library (lib/library/live-library.ts).
import type { PrismaClient } from "@/generated/prisma/client";

import type { CaseEntry } from "../content/parse-entry";
import { getPrisma } from "../db";
import { getLiveInAppCases } from "../library/live-library";
import type { Lang } from "../triage/language";
import { getExerciseCatalogue, type ExerciseCatalogue } from "./catalogue";
import type { Exercise } from "./exercise";

/** In-app cases whose drills are built before a catalogue is answered (the most recently changed first). */
const DRILLS_AT_ONCE = 100;
/** In-app cases whose drills are built between two turns of the event loop while a catalogue fills in the background. */
const DRILL_BATCH = 5;

type LiveCatalogue = { version: number; catalogue: ExerciseCatalogue };

/** Per database client (the live library is), per language. */
const currentByClient = new WeakMap<PrismaClient, Map<Lang, LiveCatalogue>>();
/** Each in-app case's drills, built once per entry (a changed case is a new entry) and language. */
const drillsByEntry = new Map<Lang, WeakMap<CaseEntry, Exercise[]>>();

function builtDrills(lang: Lang): WeakMap<CaseEntry, Exercise[]> {
  let built = drillsByEntry.get(lang);
  if (!built) drillsByEntry.set(lang, (built = new WeakMap()));
  return built;
}

/**
 * The repository's drills, then those of the published in-app cases, built with the repository
 * catalogue's context (its key terms, trees and rules), so a repository drill never changes when a
 * case is published. Follows the library version; a case's drills are built once (about 27 ms a case on 2 busy cores),
 * the most recently changed cases first: up to DRILLS_AT_ONCE before answering, the rest in the
 * background, so a just-published case is drilled at once and thousands do not hold up a page.
 */
export async function getLiveExerciseCatalogue(lang: Lang = "en", prisma: PrismaClient = getPrisma()): Promise<ExerciseCatalogue> {
  const { version, cases } = await getLiveInAppCases(prisma);
  const base = getExerciseCatalogue(lang);
  if (cases.length === 0) return base;
  let current = currentByClient.get(prisma);
  if (!current) currentByClient.set(prisma, (current = new Map()));
  const known = current.get(lang);
  if (known?.version === version) return known.catalogue;
  const built = builtDrills(lang);
  const unbuilt = cases.filter((entry) => !built.has(entry));
  for (const entry of unbuilt.slice(0, DRILLS_AT_ONCE)) built.set(entry, base.drillsOf(entry));
  const live: LiveCatalogue = { version, catalogue: withBuilt(base, cases, built) };
  current.set(lang, live);
  if (unbuilt.length > DRILLS_AT_ONCE) void fillInBackground(current, lang, live, base, cases, unbuilt.slice(DRILLS_AT_ONCE));
  return live.catalogue;
}

/** Builds the remaining cases' drills a batch at a time, yielding to requests in between; stops once a newer version took over. */
async function fillInBackground(
  current: Map<Lang, LiveCatalogue>,
  lang: Lang,
  live: LiveCatalogue,
  base: ExerciseCatalogue,
  cases: CaseEntry[],
  pending: CaseEntry[],
): Promise<void> {
  const built = builtDrills(lang);
  for (let from = 0; from < pending.length && current.get(lang) === live; from += DRILL_BATCH) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const entry of pending.slice(from, from + DRILL_BATCH)) if (!built.has(entry)) built.set(entry, base.drillsOf(entry));
  }
  if (current.get(lang) === live) live.catalogue = withBuilt(base, cases, built);
}

/** The base catalogue plus the drills built so far, oldest case first, so an in-app drill keeps its label as more are published. */
const withBuilt = (base: ExerciseCatalogue, newestFirst: CaseEntry[], built: WeakMap<CaseEntry, Exercise[]>): ExerciseCatalogue =>
  base.withDrills(newestFirst.toReversed().flatMap((entry) => built.get(entry) ?? []));

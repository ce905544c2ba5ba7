import type { Lang } from "../triage/language";
import type { ExerciseCatalogue } from "./catalogue";
import { DRILL_WORDS } from "./drill-words";
import type { Exercise } from "./exercise";

/** "Ticket 12" or "Signal 3" ("工单 12", "信号 3"): drills are numbered per kind in catalogue order, since their ids are opaque. */
export function drillLabels(exercises: Exercise[], lang: Lang = "en"): Map<string, string> {
  const words = DRILL_WORDS[lang];
  const counts = { ticket: 0, signal: 0 };
  return new Map(exercises.map((e) => [e.id, e.kind === "ticket" ? words.ticketLabel(++counts.ticket) : words.signalLabel(++counts.signal)]));
}

/** "DNS slow or failing" for a ticket drill, "mtr / traceroute output" for a signal drill: a hint of the kind, never the answer. */
export function teaserOf(exercise: Exercise, lang: Lang = "en"): string {
  return exercise.kind === "ticket" ? exercise.symptom.label : DRILL_WORDS[lang].outputOf(exercise.source);
}

/** Drills of in-app cases listed per kind on the training page, the newest: the rest come up in the queue (thousands would make the page megabytes). */
export const LISTED_IN_APP_DRILLS = 100;

/**
 * The drills the training page lists, in catalogue order: the repository's, then the LISTED_IN_APP_DRILLS
 * newest of each kind from in-app cases (the catalogue has them oldest first); and how many of each kind are left out.
 */
export function listedDrills(exercises: Exercise[], repository: Pick<ExerciseCatalogue, "get">, perKind = LISTED_IN_APP_DRILLS) {
  const inApp: Record<Exercise["kind"], Exercise[]> = { ticket: [], signal: [] };
  const listed: Exercise[] = [];
  for (const exercise of exercises) (repository.get(exercise.id) ? listed : inApp[exercise.kind]).push(exercise);
  for (const kind of ["ticket", "signal"] as const) listed.push(...inApp[kind].slice(-perKind));
  const unlisted = { ticket: Math.max(0, inApp.ticket.length - perKind), signal: Math.max(0, inApp.signal.length - perKind) };
  return { listed, unlisted };
}

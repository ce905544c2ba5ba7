import type { Exercise } from "./exercise";

/** "Ticket 12" or "Signal 3": drills are numbered per kind in catalogue order, since their ids are opaque. */
export function drillLabels(exercises: Exercise[]): Map<string, string> {
  const counts = { ticket: 0, signal: 0 };
  return new Map(exercises.map((e) => [e.id, `${e.kind === "ticket" ? "Ticket" : "Signal"} ${++counts[e.kind]}`]));
}

/** "DNS slow or failing" for a ticket drill, "mtr / traceroute output" for a signal drill: a hint of the kind, never the answer. */
export function teaserOf(exercise: Exercise): string {
  return exercise.kind === "ticket" ? exercise.symptom.label : `${exercise.source} output`;
}

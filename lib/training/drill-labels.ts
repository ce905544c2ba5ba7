import type { Lang } from "../triage/language";
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

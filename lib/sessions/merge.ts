import type { TriageSessionView } from "./session-schema";

export type SessionChange = Partial<
  Pick<TriageSessionView, "title" | "ticketRef" | "description" | "outputs" | "answers" | "notes" | "status" | "confirmedCause">
>;

/**
 * Rebases unsaved local changes onto the session another tab saved, losing neither side:
 * answers are united (local wins on the same step), outputs are appended when new, notes that
 * both sides edited are kept one after the other, and other fields take the local value. Pure.
 */
export function mergeSessionChange(saved: TriageSessionView, local: SessionChange): SessionChange {
  const merged: SessionChange = { ...local };
  if (local.answers) merged.answers = { ...saved.answers, ...local.answers };
  if (local.outputs) {
    const key = (o: { command?: string; text: string }) => `${o.command ?? ""}\u0000${o.text}`;
    const known = new Set(saved.outputs.map(key));
    merged.outputs = [...saved.outputs, ...local.outputs.filter((o) => !known.has(key(o)))];
  }
  if (local.notes !== undefined && saved.notes.trim() && !local.notes.includes(saved.notes.trim()) && !saved.notes.includes(local.notes.trim())) {
    merged.notes = `${saved.notes.trimEnd()}\n\n${local.notes.trim()}`;
  }
  return merged;
}

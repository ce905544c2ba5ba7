import { createHash } from "node:crypto";

import type { ConfirmedSession } from "../sessions/confirmed";
import { AnswerError, diagnose } from "./diagnose";
import type { DiagnoseInput } from "./diagnose-schema";
import type { TriageKnowledge } from "./knowledge";
import type { LearnedTicket } from "./learned";

/** A session whose replayed top three differs from the top three the engineer was shown. */
export type ReplayChange = { session: string; confirmed: string; before: string[]; after: string[] };

/** `npm run --silent triage:replay`: the share of confirmed sessions whose cause is first, in the top three, and what changed. */
export type ReplayReport = { sessions: number; top1: number; top3: number; changed: ReplayChange[] };

/** Sessions are replayed in this many folds: the knowledge that replays a session never learned from it. */
export const REPLAY_FOLDS = 5;
const COMPARED = 3;

/** A session's fold, stable across runs and database contents (a hash of its id). */
export const foldOf = (sessionId: string): number => createHash("sha256").update(sessionId).digest().readUInt32BE(0) % REPLAY_FOLDS;

/**
 * Diagnoses the session as saved (description, outputs, answers; its confirmation adds no weight to
 * any cause). Answers to steps the current trees no longer have are dropped, one at a time.
 */
export function replayDiagnosis(session: ConfirmedSession, knowledge: TriageKnowledge): RankedId[] {
  const answers = { ...session.answers };
  for (;;) {
    const input: DiagnoseInput = { description: session.description, outputs: session.outputs, answers };
    try {
      return diagnose(input, knowledge).rootCauses.map((cause) => ({ id: cause.id, score: cause.score }));
    } catch (error) {
      const id = error instanceof AnswerError ? error.path.slice("answers.".length) : undefined;
      if (id === undefined || !(id in answers)) throw error;
      delete answers[id];
    }
  }
}

export type RankedId = { id: string; score: number };

/**
 * Each session's causes as the current engine ranks them: the library, the rules and trees, and
 * what it learns from the other confirmed sessions (`knowledgeFor` gets the sessions of the other
 * folds, so a session never scores itself).
 */
export function replayRankings(sessions: ConfirmedSession[], knowledgeFor: (learned: LearnedTicket[]) => TriageKnowledge): Map<string, RankedId[]> {
  const results = new Map<string, RankedId[]>();
  for (let fold = 0; fold < REPLAY_FOLDS; fold++) {
    const replayed = sessions.filter((s) => foldOf(s.id) === fold);
    if (replayed.length === 0) continue;
    const knowledge = knowledgeFor(sessions.filter((s) => foldOf(s.id) !== fold));
    for (const session of replayed) results.set(session.id, replayDiagnosis(session, knowledge));
  }
  return results;
}

/**
 * Re-diagnoses every confirmed session with the current engine (replayRankings). Sessions with no
 * recorded diagnosis count in the figures but are never "changed".
 */
export function replaySessions(sessions: ConfirmedSession[], knowledgeFor: (learned: LearnedTicket[]) => TriageKnowledge): ReplayReport {
  let top1 = 0;
  let top3 = 0;
  const changed: ReplayChange[] = [];
  const results = replayRankings(sessions, knowledgeFor);
  for (const session of sessions) {
    const ranked = (results.get(session.id) ?? []).map((cause) => cause.id);
    const position = ranked.indexOf(session.cause);
    if (position === 0) top1++;
    if (position >= 0 && position < COMPARED) top3++;
    const after = ranked.slice(0, COMPARED);
    const before = session.shown?.causes.slice(0, COMPARED);
    if (before && before.join() !== after.join()) changed.push({ session: session.id, confirmed: session.cause, before, after });
  }
  const share = (count: number) => (sessions.length === 0 ? 0 : Number((count / sessions.length).toFixed(4)));
  return { sessions: sessions.length, top1: share(top1), top3: share(top3), changed };
}

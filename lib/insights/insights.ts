import { createHash } from "node:crypto";

import type { PrismaClient } from "@/generated/prisma/client";

import { ENTRY_SYMPTOMS } from "../content/entry-symptoms";
import { readConfirmedSessions, type ConfirmedSession } from "../sessions/confirmed";
import { expectedCalibrationError, reliabilityTable, type ReliabilityBin } from "../triage/calibration";
import { buildContentKnowledge, getTriageKnowledge } from "../triage/knowledge";
import { SYMPTOM_QUESTION_ID } from "../triage/next-step";
import { replayRankings } from "../triage/replay";
import { readLibraryActivity, type LibraryActivity } from "./library-activity";

/** A query people ran (grouped by its text, case and spacing aside). */
export type QueryStat = { query: string; searches: number; results: number; lastAt: string };

export type UnconfirmedSession = { id: string; title: string; status: string; symptom: string; updatedAt: string };

export type CauseAccuracy = { cause: string; title: string; sessions: number; firstGuessRight: number; accuracy: number };

/** GET /api/insights and /insights: what trainers and admins learn from searches and triage sessions. */
export type Insights = {
  searches: { logged: number; noResult: QueryStat[]; noClick: QueryStat[] };
  /** Sessions closed without a confirmed cause, or open and untouched for ABANDONED_AFTER_DAYS. */
  unconfirmed: { sessions: number; bySymptom: { symptom: string; sessions: number }[]; recent: UnconfirmedSession[] };
  /** The current engine's top cause on each confirmed session (replayed out of fold, as triage:replay does). */
  firstGuess: { sessions: number; accuracy: number; perCause: CauseAccuracy[]; calibration: ReliabilityBin[]; calibrationError: number };
  timeToConfirm: { sessions: number; medianMinutes: number | null; p90Minutes: number | null; buckets: { label: string; sessions: number }[] };
  library: LibraryActivity;
};

/** An open session not saved for this long counts as ended without a confirmed cause. */
export const ABANDONED_AFTER_DAYS = 7;
/** The most recent searches read (older ones are left out of the figures). */
const SEARCHES_READ = 10_000;
/** The most recently confirmed sessions replayed for the first-guess figures (a replay takes about a millisecond a session, plus five knowledge builds). */
export const FIRST_GUESS_SESSIONS = 500;
/** How many rows each table lists. */
export const LISTED = 20;
export const NO_SYMPTOM = "No entry symptom chosen";
/** The ranges of time to a confirmed cause, in the order of `timeToConfirm.buckets` (`key` names each in the catalogues). */
export const DURATION_BUCKETS = [
  { key: "under15m", label: "under 15 min", upTo: 15 },
  { key: "to1h", label: "15 to 60 min", upTo: 60 },
  { key: "to4h", label: "1 to 4 h", upTo: 240 },
  { key: "to1d", label: "4 to 24 h", upTo: 1440 },
  { key: "overDay", label: "over a day", upTo: Number.POSITIVE_INFINITY },
] as const;

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Number((part / whole).toFixed(4)));

async function searchInsights(prisma: PrismaClient): Promise<Insights["searches"]> {
  const rows = await prisma.searchLog.findMany({ orderBy: { createdAt: "desc" }, take: SEARCHES_READ });
  const group = (keep: (row: (typeof rows)[number]) => boolean): QueryStat[] => {
    const byQuery = new Map<string, QueryStat>();
    for (const row of rows.filter(keep)) {
      const key = row.query.trim().replace(/\s+/g, " ").toLowerCase();
      const stat = byQuery.get(key);
      if (stat) stat.searches++;
      else byQuery.set(key, { query: row.query, searches: 1, results: row.results, lastAt: row.createdAt.toISOString() });
    }
    return [...byQuery.values()].sort((a, b) => b.searches - a.searches || b.lastAt.localeCompare(a.lastAt)).slice(0, LISTED);
  };
  return { logged: rows.length, noResult: group((r) => r.results === 0), noClick: group((r) => r.results > 0 && r.clicks === 0) };
}

async function unconfirmedInsights(prisma: PrismaClient, now: Date): Promise<Insights["unconfirmed"]> {
  const idleSince = new Date(now.getTime() - ABANDONED_AFTER_DAYS * 86_400_000);
  const rows = await prisma.triageSession.findMany({
    where: { confirmedCause: null, OR: [{ status: "closed" }, { status: "open", updatedAt: { lt: idleSince } }] },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, status: true, answers: true, updatedAt: true },
  });
  const symptomOf = (answers: string) => {
    const chosen = (JSON.parse(answers) as Record<string, string>)[SYMPTOM_QUESTION_ID];
    return ENTRY_SYMPTOMS.find((s) => s.id === chosen)?.label ?? NO_SYMPTOM;
  };
  const sessions = rows.map((row) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    symptom: symptomOf(row.answers),
    updatedAt: row.updatedAt.toISOString(),
  }));
  const counts = new Map<string, number>();
  for (const session of sessions) counts.set(session.symptom, (counts.get(session.symptom) ?? 0) + 1);
  const bySymptom = [...counts]
    .map(([symptom, count]) => ({ symptom, sessions: count }))
    .sort((a, b) => b.sessions - a.sessions || a.symptom.localeCompare(b.symptom));
  return { sessions: sessions.length, bySymptom, recent: sessions.slice(0, LISTED) };
}

let firstGuessCache: { key: string; value: Insights["firstGuess"] } | undefined;

/** Replays the confirmed sessions (newest first) as triage:replay does, once per set of them (and per process). */
function firstGuessInsights(confirmed: ConfirmedSession[]): Insights["firstGuess"] {
  const sessions = confirmed.slice(0, FIRST_GUESS_SESSIONS);
  const key = createHash("sha256")
    .update(JSON.stringify(sessions.map((s) => [s.id, s.cause, s.confirmedAt])))
    .digest("hex");
  if (firstGuessCache?.key === key) return firstGuessCache.value;
  const rankings = replayRankings(sessions, buildContentKnowledge);
  const titles = new Map<string, string>(getTriageKnowledge().causes.map((c) => [c.id, c.title]));
  const perCause = new Map<string, { sessions: number; right: number }>();
  const predictions = sessions.map((session) => {
    const top = rankings.get(session.id)?.[0];
    const correct = top?.id === session.cause;
    const stat = perCause.get(session.cause) ?? { sessions: 0, right: 0 };
    perCause.set(session.cause, { sessions: stat.sessions + 1, right: stat.right + (correct ? 1 : 0) });
    return { confidence: top?.score ?? 0, correct };
  });
  const value = {
    sessions: sessions.length,
    accuracy: ratio(predictions.filter((p) => p.correct).length, sessions.length),
    perCause: [...perCause]
      .map(([cause, stat]) => ({
        cause,
        title: titles.get(cause) ?? cause,
        sessions: stat.sessions,
        firstGuessRight: stat.right,
        accuracy: ratio(stat.right, stat.sessions),
      }))
      .sort((a, b) => b.sessions - a.sessions || a.cause.localeCompare(b.cause)),
    calibration: reliabilityTable(predictions),
    calibrationError: Number(expectedCalibrationError(predictions).toFixed(4)),
  };
  firstGuessCache = { key, value };
  return value;
}

function timeToConfirmInsights(sessions: ConfirmedSession[]): Insights["timeToConfirm"] {
  const minutes = sessions
    .flatMap((s) => (s.confirmedAt ? [(s.confirmedAt.getTime() - s.createdAt.getTime()) / 60_000] : []))
    .filter((m) => m >= 0)
    .sort((a, b) => a - b);
  const quantile = (q: number) => (minutes.length === 0 ? null : Math.round(minutes[Math.min(minutes.length - 1, Math.floor(q * minutes.length))]));
  const buckets = DURATION_BUCKETS.map((bucket, i) => ({
    label: bucket.label,
    sessions: minutes.filter((m) => m < bucket.upTo && (i === 0 || m >= DURATION_BUCKETS[i - 1].upTo)).length,
  }));
  return { sessions: minutes.length, medianMinutes: quantile(0.5), p90Minutes: quantile(0.9), buckets };
}

/** Every figure of /insights, from the database at `prisma`. */
export async function readInsights(prisma: PrismaClient, now = new Date()): Promise<Insights> {
  const [searches, unconfirmed, confirmed, library] = await Promise.all([
    searchInsights(prisma),
    unconfirmedInsights(prisma, now),
    readConfirmedSessions(prisma),
    readLibraryActivity(prisma),
  ]);
  return { searches, unconfirmed, firstGuess: firstGuessInsights(confirmed), timeToConfirm: timeToConfirmInsights(confirmed), library };
}

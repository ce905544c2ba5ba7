import type { PrismaClient } from "@/generated/prisma/client";

import { isRootCauseId, type RootCauseId } from "../content/root-cause-ids";
import { boundPerCause, MAX_LEARNED_TEXTS_PER_CAUSE, NOTHING_LEARNED, type LearnedSet, type LearnedTicket } from "../triage/learned";
import { storedAnswersSchema, storedOutputsSchema } from "./session-schema";
import { parseShownDiagnosis, type ShownDiagnosis } from "./shown-diagnosis";

/** A session whose cause the engineer confirmed: a labelled ticket, with what the wizard showed. */
export type ConfirmedSession = LearnedTicket & {
  answers: Record<string, string>;
  shown: ShownDiagnosis | null;
  createdAt: Date;
  confirmedAt: Date | null;
};

const CONFIRMED = { status: "confirmed", confirmedCause: { not: null } };
/** Most recently confirmed first (sessions without a confirmation time last, newest first). */
const NEWEST_CONFIRMED_FIRST = [{ confirmedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }] as const;

/** Every confirmed session (`ids`: only those), most recently confirmed first. */
export async function readConfirmedSessions(prisma: PrismaClient, ids?: string[]): Promise<ConfirmedSession[]> {
  const rows = await prisma.triageSession.findMany({
    where: { ...CONFIRMED, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: [...NEWEST_CONFIRMED_FIRST],
    select: { id: true, description: true, outputs: true, answers: true, confirmedCause: true, shownDiagnosis: true, createdAt: true, confirmedAt: true },
  });
  return rows.flatMap((row) => {
    const cause = row.confirmedCause;
    if (!cause || !isRootCauseId(cause)) return [];
    return [
      {
        id: row.id,
        cause: cause as RootCauseId,
        description: row.description,
        outputs: storedOutputsSchema.parse(JSON.parse(row.outputs)),
        answers: storedAnswersSchema.parse(JSON.parse(row.answers)),
        shown: parseShownDiagnosis(row.shownDiagnosis),
        createdAt: row.createdAt,
        confirmedAt: row.confirmedAt,
      },
    ];
  });
}

/** How often a serving process checks whether the confirmed sessions changed. */
export const LEARNED_RECHECK_MS = 30_000;

let current: { set: LearnedSet; checkedAt: number } | undefined;
let loading: Promise<LearnedSet> | undefined;

/** The confirmed sessions the knowledge uses: the MAX_LEARNED_TEXTS_PER_CAUSE most recent of each cause, newest first. */
async function readLearnedTickets(prisma: PrismaClient): Promise<LearnedTicket[]> {
  const labels = await prisma.triageSession.findMany({ where: CONFIRMED, orderBy: [...NEWEST_CONFIRMED_FIRST], select: { id: true, confirmedCause: true } });
  const kept = boundPerCause(
    labels.flatMap(({ id, confirmedCause }) => (confirmedCause && isRootCauseId(confirmedCause) ? [{ id, cause: confirmedCause }] : [])),
    MAX_LEARNED_TEXTS_PER_CAUSE,
  );
  const sessions = await readConfirmedSessions(
    prisma,
    kept.map((label) => label.id),
  );
  return sessions.map(({ id, cause, description, outputs }) => ({ id, cause, description, outputs }));
}

async function readLearnedSet(prisma: PrismaClient, known: LearnedSet | undefined): Promise<LearnedSet> {
  const stats = await prisma.triageSession.aggregate({ where: CONFIRMED, _count: { _all: true }, _max: { updatedAt: true } });
  if (stats._count._all === 0) return NOTHING_LEARNED;
  const key = `${stats._count._all}:${stats._max.updatedAt?.toISOString() ?? ""}`;
  return key === known?.key ? known : { key, tickets: await readLearnedTickets(prisma), cases: [] };
}

/**
 * The confirmed sessions the engine learns from, read from the database when the process first asks
 * and again when, checked at most every LEARNED_RECHECK_MS, their count or latest save changed.
 * A database that cannot be read leaves the engine as it was (the library alone at first).
 */
export async function getLearnedSet(prisma: PrismaClient, now = Date.now()): Promise<LearnedSet> {
  if (current && now - current.checkedAt < LEARNED_RECHECK_MS) return current.set;
  loading ??= (async () => {
    let set: LearnedSet;
    try {
      set = await readLearnedSet(prisma, current?.set);
    } catch (error) {
      console.error(`could not read the confirmed sessions the engine learns from: ${error instanceof Error ? error.message : String(error)}`);
      set = current?.set ?? NOTHING_LEARNED;
    }
    current = { set, checkedAt: now };
    loading = undefined;
    return set;
  })();
  return loading;
}

/** Forgets what was read (tests that switch databases). */
export function forgetLearnedSet(): void {
  current = undefined;
}

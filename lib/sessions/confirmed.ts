import type { PrismaClient } from "@/generated/prisma/client";

import { isRootCauseId, type RootCauseId } from "../content/root-cause-ids";
import { NOTHING_LEARNED, type LearnedSet, type LearnedTicket } from "../triage/learned";
import { storedAnswersSchema, storedOutputsSchema } from "./session-schema";
import { parseShownDiagnosis, type ShownDiagnosis } from "./shown-diagnosis";

/** A session whose cause the engineer confirmed: a labelled ticket, with what the wizard showed. */
export type ConfirmedSession = LearnedTicket & {
  answers: Record<string, string>;
  shown: ShownDiagnosis | null;
  createdAt: Date;
  confirmedAt: Date | null;
};

/** Every confirmed session, most recently confirmed first (sessions without a confirmation time last, newest first). */
export async function readConfirmedSessions(prisma: PrismaClient): Promise<ConfirmedSession[]> {
  const rows = await prisma.triageSession.findMany({
    where: { status: "confirmed", confirmedCause: { not: null } },
    orderBy: [{ confirmedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }],
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

async function readLearnedSet(prisma: PrismaClient, known: LearnedSet | undefined): Promise<LearnedSet> {
  const stats = await prisma.triageSession.aggregate({
    where: { status: "confirmed", confirmedCause: { not: null } },
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  if (stats._count._all === 0) return NOTHING_LEARNED;
  const key = `${stats._count._all}:${stats._max.updatedAt?.toISOString() ?? ""}`;
  return key === known?.key ? known : { key, tickets: await readConfirmedSessions(prisma) };
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

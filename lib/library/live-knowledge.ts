// What the engine learns from on this instance besides the repository: the confirmed sessions
// (lib/sessions/confirmed.ts) and the published in-app cases of the live library, under one key, so
// a diagnosis (in this thread, a diagnosis thread or the CLI) uses knowledge rebuilt when either changes.
import type { PrismaClient } from "@/generated/prisma/client";

import { getPrisma } from "../db";
import { getLearnedSet } from "../sessions/confirmed";
import type { LearnedSet } from "../triage/learned";
import { getLiveLearnedCases } from "./live-library";

/**
 * The confirmed sessions and published in-app cases the engine learns from, each bounded per cause;
 * the key names the library version and the sessions' key. With no in-app case it is the sessions'
 * set as it is, so the knowledge is exactly the repository's plus the sessions'.
 */
export async function getLiveLearnedSet(prisma: PrismaClient = getPrisma()): Promise<LearnedSet> {
  const [sessions, library] = await Promise.all([getLearnedSet(prisma), getLiveLearnedCases(prisma)]);
  if (library.cases.length === 0) return sessions;
  return { key: `library ${library.version}, sessions ${sessions.key}`, tickets: sessions.tickets, cases: library.cases };
}

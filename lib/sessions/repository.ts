import type { PrismaClient, TriageSession } from "@/generated/prisma/client";

import { AppError } from "../http/errors";
import {
  createSessionSchema,
  SESSION_STATUSES,
  storedAnswersSchema,
  storedOutputsSchema,
  type CreateSessionInput,
  type TriageSessionView,
  type UpdateSessionInput,
} from "./session-schema";

/** A title from the ticket's first line when none is given. */
export function deriveTitle(description: string): string {
  const firstLine = description.trim().split("\n")[0]?.trim() ?? "";
  if (!firstLine) return "Untitled ticket";
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine;
}

export function toSessionView(row: TriageSession): TriageSessionView {
  const status = SESSION_STATUSES.find((s) => s === row.status) ?? "open";
  return {
    id: row.id,
    ticketRef: row.ticketRef,
    title: row.title,
    description: row.description,
    answers: storedAnswersSchema.parse(JSON.parse(row.answers)),
    outputs: storedOutputsSchema.parse(JSON.parse(row.outputs)),
    notes: row.notes,
    status,
    confirmedCause: row.confirmedCause,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function createSession(prisma: PrismaClient, input: CreateSessionInput): Promise<TriageSessionView> {
  const data = createSessionSchema.parse(input);
  const row = await prisma.triageSession.create({
    data: {
      title: data.title || deriveTitle(data.description),
      ticketRef: data.ticketRef,
      description: data.description,
      outputs: JSON.stringify(data.outputs),
      answers: JSON.stringify(data.answers),
    },
  });
  return toSessionView(row);
}

/** Returns the session, or throws AppError 404. */
export async function getSession(prisma: PrismaClient, id: string): Promise<TriageSessionView> {
  const row = await prisma.triageSession.findUnique({ where: { id } });
  if (!row) throw new AppError(404, `no triage session "${id}"`);
  return toSessionView(row);
}

export type SessionSummary = Pick<TriageSessionView, "id" | "ticketRef" | "title" | "status" | "confirmedCause" | "updatedAt">;

export async function listSessions(prisma: PrismaClient, limit = 100): Promise<SessionSummary[]> {
  const rows = await prisma.triageSession.findMany({
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { id: true, ticketRef: true, title: true, status: true, confirmedCause: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...r, status: SESSION_STATUSES.find((s) => s === r.status) ?? "open", updatedAt: r.updatedAt.toISOString() }));
}

/**
 * Applies a change only if the session is still at the version the caller read; bumps the
 * version. Throws AppError 404 when the session is gone and 409 when someone saved in between.
 */
export async function updateSession(prisma: PrismaClient, id: string, change: UpdateSessionInput): Promise<TriageSessionView> {
  const { version, outputs, answers, ...fields } = change;
  const { count } = await prisma.triageSession.updateMany({
    where: { id, version },
    data: {
      ...fields,
      ...(outputs ? { outputs: JSON.stringify(outputs) } : {}),
      ...(answers ? { answers: JSON.stringify(answers) } : {}),
      version: { increment: 1 },
    },
  });
  if (count === 0) {
    const current = await getSession(prisma, id);
    throw new AppError(409, `session "${id}" was saved by someone else (version ${current.version}, yours ${version}): reload or merge`);
  }
  return getSession(prisma, id);
}

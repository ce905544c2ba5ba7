import { randomUUID } from "node:crypto";

import { Prisma, type PrismaClient, type TriageSession } from "@/generated/prisma/client";

import { canOpenSession, type Viewer } from "../auth/access";
import { hasRole } from "../auth/roles";
import { sqliteStatementsOf } from "../db";
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
import { parseShownDiagnosis } from "./shown-diagnosis";

/** A title from the ticket's first line when none is given. */
export function deriveTitle(description: string): string {
  const firstLine = description.trim().split("\n")[0]?.trim() ?? "";
  if (!firstLine) return "Untitled ticket";
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine;
}

type SessionRow = TriageSession & { createdBy: { email: string } | null; updatedBy: { email: string } | null };
const WITH_PEOPLE = { createdBy: { select: { email: true } }, updatedBy: { select: { email: true } } } as const;

export function toSessionView(row: SessionRow): TriageSessionView {
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
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    shownDiagnosis: parseShownDiagnosis(row.shownDiagnosis),
    version: row.version,
    shared: row.shared,
    createdBy: row.createdBy?.email ?? null,
    updatedBy: row.updatedBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const AUDITED_FIELDS = ["title", "ticketRef", "description", "outputs", "answers", "notes", "status", "confirmedCause", "shared"] as const;

/** Saves a new session owned by the viewer (nobody's when sign-in is off), with its first audit entry. */
export async function createSession(prisma: PrismaClient, input: CreateSessionInput, viewer: Viewer = OPEN): Promise<TriageSessionView> {
  const data = createSessionSchema.parse(input);
  const userId = viewer.user?.id ?? null;
  const row = await prisma.triageSession.create({
    data: {
      title: data.title || deriveTitle(data.description),
      ticketRef: data.ticketRef,
      description: data.description,
      outputs: JSON.stringify(data.outputs),
      answers: JSON.stringify(data.answers),
      shared: data.shared,
      createdById: userId,
      updatedById: userId,
      audit: { create: { userId, action: "created", fields: JSON.stringify(AUDITED_FIELDS.filter((field) => field in input)), version: 1 } },
    },
    include: WITH_PEOPLE,
  });
  return toSessionView(row);
}

/** Sign-in off: the one local user. */
const OPEN: Viewer = { user: null, signInRequired: false };

/** A session row as SQL reads it: dates and booleans as the driver gives them (SQLite: text and 0/1). */
type SessionRecord = Omit<TriageSession, "createdAt" | "updatedAt" | "confirmedAt" | "shared"> & {
  createdAt: Date | string;
  updatedAt: Date | string;
  confirmedAt: Date | string | null;
  shared: boolean | number;
  createdByEmail: string | null;
  updatedByEmail: string | null;
};

function recordToView({ createdByEmail, updatedByEmail, ...row }: SessionRecord): TriageSessionView {
  return toSessionView({
    ...row,
    shared: Boolean(row.shared),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    confirmedAt: row.confirmedAt === null ? null : new Date(row.confirmedAt),
    createdBy: createdByEmail === null ? null : { email: createdByEmail },
    updatedBy: updatedByEmail === null ? null : { email: updatedByEmail },
  });
}

// The hot path of every save is written in SQL, once for both dialects (Prisma.sql renders the
// placeholders): through the query builder the same work costs several times as much, each query
// being compiled anew. On SQLite the statements run on the file directly (lib/db-sqlite.ts).

async function readSessionRecord(prisma: PrismaClient, id: string): Promise<SessionRecord | undefined> {
  const query = Prisma.sql`
    SELECT s.*, c."email" AS "createdByEmail", u."email" AS "updatedByEmail"
    FROM "TriageSession" s LEFT JOIN "User" c ON c."id" = s."createdById" LEFT JOIN "User" u ON u."id" = s."updatedById"
    WHERE s."id" = ${id}`;
  const sqlite = sqliteStatementsOf(prisma);
  return sqlite ? sqlite.get<SessionRecord>(query) : (await prisma.$queryRaw<SessionRecord[]>(query))[0];
}

/** Returns the session, or throws AppError 404, or 403 when it is neither the viewer's nor shared. */
export async function getSession(prisma: PrismaClient, id: string, viewer: Viewer = OPEN): Promise<TriageSessionView> {
  const row = await readSessionRecord(prisma, id);
  if (!row) throw new AppError(404, `no triage session "${id}"`);
  if (!canOpenSession(viewer, { createdById: row.createdById, shared: Boolean(row.shared) }))
    throw new AppError(403, `triage session "${id}" is not shared with you`);
  return recordToView(row);
}

export type SessionSummary = Pick<TriageSessionView, "id" | "ticketRef" | "title" | "status" | "confirmedCause" | "updatedAt" | "shared" | "createdBy">;

/** The sessions the viewer may open, most recently saved first. */
export async function listSessions(prisma: PrismaClient, viewer: Viewer = OPEN, limit = 100): Promise<SessionSummary[]> {
  const user = viewer.user;
  const everything = !viewer.signInRequired || (user !== null && hasRole(user.role, "admin"));
  const rows = await prisma.triageSession.findMany({
    where: everything ? {} : { OR: [{ shared: true }, { createdById: null }, { createdById: user?.id ?? "" }] },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: {
      id: true,
      ticketRef: true,
      title: true,
      status: true,
      confirmedCause: true,
      updatedAt: true,
      shared: true,
      createdBy: { select: { email: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    status: SESSION_STATUSES.find((s) => s === r.status) ?? "open",
    updatedAt: r.updatedAt.toISOString(),
    createdBy: r.createdBy?.email ?? null,
  }));
}

/** The columns a save may set, by field of UpdateSessionInput. */
const SAVED_COLUMNS = {
  title: Prisma.raw('"title"'),
  ticketRef: Prisma.raw('"ticketRef"'),
  description: Prisma.raw('"description"'),
  outputs: Prisma.raw('"outputs"'),
  answers: Prisma.raw('"answers"'),
  notes: Prisma.raw('"notes"'),
  status: Prisma.raw('"status"'),
  confirmedCause: Prisma.raw('"confirmedCause"'),
  shared: Prisma.raw('"shared"'),
  shownDiagnosis: Prisma.raw('"shownDiagnosis"'),
} as const;

/**
 * Applies a change only if the session is still at the version the caller read; bumps the version
 * and records who changed which fields. Throws AppError 404 when the session is gone, 403 when the
 * viewer may not open it (or, not being its creator or an admin, changes its sharing), and 409
 * when someone saved in between. One read, then one transaction of two statements; the answer is
 * built from the row read and the change, which the version check guarantees is what is stored.
 */
export async function updateSession(prisma: PrismaClient, id: string, change: UpdateSessionInput, viewer: Viewer = OPEN): Promise<TriageSessionView> {
  const current = await getSession(prisma, id, viewer);
  const user = viewer.user;
  const mayShare = !viewer.signInRequired || (user !== null && (user.email === current.createdBy || hasRole(user.role, "admin")));
  if (change.shared !== undefined && change.shared !== current.shared && !mayShare) {
    throw new AppError(403, "shared: only the session's creator or an admin can change who sees it");
  }
  const { version, ...fields } = change;
  const changed = AUDITED_FIELDS.filter((field) => field in change && JSON.stringify(change[field]) !== JSON.stringify(current[field]));
  const userId = user?.id ?? null;
  const now = new Date();
  const assignments = [Prisma.sql`"version" = "version" + 1`, Prisma.sql`"updatedAt" = ${now}`, Prisma.sql`"updatedById" = ${userId}`];
  const applied: Partial<TriageSessionView> = {};
  if (changed.includes("confirmedCause")) {
    const confirmedAt = change.confirmedCause ? now : null;
    assignments.push(Prisma.sql`"confirmedAt" = ${confirmedAt}`);
    applied.confirmedAt = confirmedAt?.toISOString() ?? null;
  }
  for (const field of Object.keys(SAVED_COLUMNS) as (keyof typeof SAVED_COLUMNS)[]) {
    const value = fields[field];
    if (value === undefined) continue;
    Object.assign(applied, { [field]: value });
    assignments.push(Prisma.sql`${SAVED_COLUMNS[field]} = ${typeof value === "object" && value !== null ? JSON.stringify(value) : value}`);
  }
  const update = Prisma.sql`UPDATE "TriageSession" SET ${Prisma.join(assignments)} WHERE "id" = ${id} AND "version" = ${version}`;
  const audit = changed.length > 0 ? { id: randomUUID(), fields: JSON.stringify(changed) } : null;
  const saved = await applySave(
    prisma,
    update,
    audit &&
      Prisma.sql`
    INSERT INTO "SessionAuditEntry" ("id", "sessionId", "userId", "action", "fields", "version", "createdAt")
    SELECT ${audit.id}, ${id}, ${userId}, 'updated', ${audit.fields}, ${version + 1}, ${now}`,
  );
  if (!saved) {
    const latest = await getSession(prisma, id, viewer);
    throw new AppError(409, `session "${id}" was saved by someone else (version ${latest.version}, yours ${version}): reload or merge`);
  }
  return { ...current, ...applied, version: version + 1, updatedBy: user?.email ?? null, updatedAt: now.toISOString() };
}

/**
 * Runs the conditional UPDATE and, only if it changed the row, the audit INSERT ... SELECT, as one
 * unit; true when the row was changed. SQLite: one write transaction run synchronously, so the write
 * lock is held for well under a millisecond; PostgreSQL: one statement.
 */
async function applySave(prisma: PrismaClient, update: Prisma.Sql, insertAudit: Prisma.Sql | null): Promise<boolean> {
  const sqlite = sqliteStatementsOf(prisma);
  if (sqlite) return sqlite.write((run) => run(update) === 1 && (insertAudit === null || run(insertAudit) === 1));
  if (!insertAudit) return (await prisma.$executeRaw(update)) === 1;
  return (await prisma.$executeRaw`WITH updated AS (${update} RETURNING 1) ${insertAudit} FROM updated`) === 1;
}

export type AuditEntry = { at: string; by: string | null; action: "created" | "updated"; fields: string[]; version: number };

/** Who changed the session, when, and which fields, oldest first. */
export async function listAudit(prisma: PrismaClient, id: string, viewer: Viewer = OPEN): Promise<AuditEntry[]> {
  await getSession(prisma, id, viewer);
  const rows = await prisma.sessionAuditEntry.findMany({
    where: { sessionId: id },
    orderBy: [{ createdAt: "asc" }, { version: "asc" }],
    include: { user: { select: { email: true } } },
  });
  return rows.map((r) => ({
    at: r.createdAt.toISOString(),
    by: r.user?.email ?? null,
    action: r.action === "created" ? "created" : "updated",
    fields: JSON.parse(r.fields) as string[],
    version: r.version,
  }));
}

// What readers say where they read: "this solved my ticket" (reuse, linked to the triage session)
// and flags (outdated, incorrect, unclear), optionally with a suggested new version of the case.
// Open flags form the review queue of trainers and admins.
import { z } from "zod";

import type { Feedback, PrismaClient } from "@/generated/prisma/client";

import type { Viewer } from "../auth/access";
import { getContentLibrary } from "../content/library";
import { rootCauseIdSchema } from "../content/schema";
import { FieldError } from "../field-error";
import { AppError } from "../http/errors";
import { MAX_CASE_BODY } from "./case-fields";
import { unifiedDiff } from "./line-diff";
import { getLiveLibrary } from "./live-library";
import { requireReviewer } from "./repository";

export const FEEDBACK_KINDS = ["solved", "outdated", "incorrect", "unclear"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** POST /api/feedback */
export const feedbackSchema = z
  .object({
    caseId: z.string().min(1).max(100).optional(),
    causeId: rootCauseIdSchema.optional(),
    kind: z.enum(FEEDBACK_KINDS),
    sessionId: z.string().min(1).max(100).optional(),
    comment: z.string().trim().max(10_000, "at most 10,000 characters").optional(),
    suggestion: z.string().max(MAX_CASE_BODY).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.caseId === undefined) === (input.causeId === undefined))
      ctx.addIssue({ code: "custom", path: ["caseId"], message: "name either a caseId or a causeId" });
    if (input.suggestion !== undefined && (input.kind === "solved" || input.caseId === undefined))
      ctx.addIssue({ code: "custom", path: ["suggestion"], message: "a suggested edit goes with a flag on a case" });
  });

export type FeedbackInput = z.infer<typeof feedbackSchema>;

export type FeedbackView = {
  id: string;
  caseId: string | null;
  causeId: string | null;
  kind: FeedbackKind;
  sessionId: string | null;
  comment: string;
  hasSuggestion: boolean;
  createdBy: string | null;
  createdAt: string;
  resolvedAt: string | null;
};

const OPEN: Viewer = { user: null, signInRequired: false };

function toView(row: Feedback, emails: Map<string, string>): FeedbackView {
  return {
    id: row.id,
    caseId: row.caseId,
    causeId: row.causeId,
    kind: FEEDBACK_KINDS.find((k) => k === row.kind) ?? "unclear",
    sessionId: row.sessionId,
    comment: row.comment,
    hasSuggestion: row.suggestion !== null,
    createdBy: row.createdById ? (emails.get(row.createdById) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

/** Records feedback on a case the library shows or on a cause page; 422 naming the field for an unknown case or session. */
export async function recordFeedback(prisma: PrismaClient, input: FeedbackInput, viewer: Viewer = OPEN): Promise<FeedbackView> {
  const data = feedbackSchema.parse(input);
  if (viewer.signInRequired && !viewer.user) throw new AppError(401, "sign in first");
  if (data.caseId !== undefined && !(await getLiveLibrary(prisma)).getCase(data.caseId)) throw new FieldError("caseId", `no published case "${data.caseId}"`);
  if (data.sessionId !== undefined && (await prisma.triageSession.count({ where: { id: data.sessionId } })) === 0)
    throw new FieldError("sessionId", `no triage session "${data.sessionId}"`);
  const row = await prisma.feedback.create({
    data: {
      caseId: data.caseId ?? null,
      causeId: data.causeId ?? null,
      kind: data.kind,
      sessionId: data.sessionId ?? null,
      comment: data.comment ?? "",
      suggestion: data.suggestion ?? null,
      createdById: viewer.user?.id ?? null,
    },
  });
  return toView(row, new Map(viewer.user ? [[viewer.user.id, viewer.user.email]] : []));
}

export type FeedbackSummary = { solved: number; openFlags: number };

/** How often a case or cause page solved a ticket, and how many of its flags are open. */
export async function summariseFeedback(prisma: PrismaClient, target: { caseId?: string; causeId?: string }): Promise<FeedbackSummary> {
  const where = target.caseId !== undefined ? { caseId: target.caseId } : { causeId: target.causeId };
  const [solved, openFlags] = await Promise.all([
    prisma.feedback.count({ where: { ...where, kind: "solved" } }),
    prisma.feedback.count({ where: { ...where, kind: { not: "solved" }, resolvedAt: null } }),
  ]);
  return { solved, openFlags };
}

/** The review queue's flags: open ones, newest first. */
export async function listOpenFlags(prisma: PrismaClient, limit = 200): Promise<FeedbackView[]> {
  const rows = await prisma.feedback.findMany({ where: { kind: { not: "solved" }, resolvedAt: null }, orderBy: { createdAt: "desc" }, take: limit });
  const ids = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const users = ids.length > 0 ? await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => toView(r, emails));
}

async function findFeedback(prisma: PrismaClient, id: string): Promise<Feedback> {
  const row = await prisma.feedback.findUnique({ where: { id } });
  if (!row) throw new AppError(404, `no feedback "${id.slice(0, 100)}"`);
  return row;
}

/** Closes a flag (a reviewer dealt with it). */
export async function resolveFlag(prisma: PrismaClient, id: string, viewer: Viewer = OPEN): Promise<FeedbackView> {
  requireReviewer(viewer);
  const row = await findFeedback(prisma, id);
  if (row.kind === "solved") throw new AppError(409, "a 'solved' report is not a flag to resolve");
  const saved = await prisma.feedback.update({ where: { id }, data: { resolvedAt: row.resolvedAt ?? new Date(), resolvedById: viewer.user?.id ?? null } });
  return toView(saved, new Map());
}

/** A flag's suggested edit as a patch to the case's file (`git apply` reads it); 404 when it has none. */
export async function suggestionPatch(prisma: PrismaClient, id: string, viewer: Viewer = OPEN): Promise<string> {
  requireReviewer(viewer);
  const row = await findFeedback(prisma, id);
  if (row.suggestion === null || row.caseId === null) throw new AppError(404, `feedback "${id}" suggests no edit`);
  const current = getContentLibrary().getCase(row.caseId) ?? (await getLiveLibrary(prisma)).getCase(row.caseId);
  const suggested = row.suggestion.endsWith("\n") ? row.suggestion : `${row.suggestion}\n`;
  return unifiedDiff(current?.source ?? "", suggested, `content/cases/${row.caseId}.mdx`);
}

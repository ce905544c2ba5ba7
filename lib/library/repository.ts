// Cases written in the app: drafts, review and publishing, each step a revision. Saves follow the
// triage sessions' rule: every save names the version it read, and a save over a newer one is 409.
import type { LibraryCase, PrismaClient } from "@/generated/prisma/client";

import type { Viewer } from "../auth/access";
import { hasRole } from "../auth/roles";
import { getContentLibrary } from "../content/library";
import { slugSchema } from "../content/schema";
import { FieldError } from "../field-error";
import { AppError } from "../http/errors";
import { getSession } from "../sessions/repository";
import { slugify } from "../triage/export";
import {
  createCaseSchema,
  draftFieldsSchema,
  LIBRARY_STATES,
  storedZh,
  toCaseMdx,
  toCaseZhMdx,
  zhJson,
  type CaseFields,
  type CreateCaseInput,
  type LibraryState,
  type SaveCaseInput,
  type ZhVersion,
} from "./case-fields";
import { checkCase, checkCaseCompiles, describeProblem, type CaseProblem } from "./check-case";
import { caseDraftOfSession } from "./from-session";
import { lineDiff, type DiffLine } from "./line-diff";
import { bumpLibraryVersion, getLiveLibrary, noteLibraryChanged } from "./live-library";

export type LibraryCaseView = {
  id: string;
  status: LibraryState;
  version: number;
  title: string;
  fields: Omit<CaseFields, "id">;
  body: string;
  /** The Chinese version (content/zh/cases/<id>.mdx, titled `fields.titleZh`); null while the case has none. */
  zh: ZhVersion | null;
  sessionId: string | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** What content:check would report (compiling aside), by field or body line; empty when it may be published. */
  problems: CaseProblem[];
  /** Whether the repository holds a case with this id (its version is the one shown). */
  inRepository: boolean;
};

/** A row of a case list; `titleZh` is the Chinese title written so far ("" while there is none). */
export type LibraryCaseSummary = Pick<LibraryCaseView, "id" | "status" | "version" | "title" | "createdBy" | "updatedAt"> & { titleZh: string };

export const CASE_ACTIONS = ["submit", "publish", "request-changes", "comment", "archive"] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

const OPEN: Viewer = { user: null, signInRequired: false };

/** Trainers and admins review; with sign-in off the one local user does everything. */
export function isReviewer(viewer: Viewer): boolean {
  return !viewer.signInRequired || (viewer.user !== null && hasRole(viewer.user.role, "trainer"));
}

function requireWriter(viewer: Viewer): string | null {
  if (!viewer.signInRequired) return null;
  if (!viewer.user) throw new AppError(401, "sign in first");
  return viewer.user.id;
}

function storedFields(row: Pick<LibraryCase, "fields">): Omit<CaseFields, "id"> {
  const { id: _id, ...fields } = draftFieldsSchema.parse(JSON.parse(row.fields));
  return fields;
}

/** A list's Chinese title: read alone, so that a row a list shows needs no complete fields. */
function storedTitleZh(row: Pick<LibraryCase, "fields">): string {
  const { titleZh } = JSON.parse(row.fields) as { titleZh?: unknown };
  return typeof titleZh === "string" ? titleZh : "";
}

/** Ids a case may name in `related`: the repository's and the published in-app cases. */
async function knownCaseIds(prisma: PrismaClient): Promise<Set<string>> {
  return new Set((await getLiveLibrary(prisma)).cases.map((c) => c.id));
}

async function emailsOf(prisma: PrismaClient, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}

async function toView(prisma: PrismaClient, row: LibraryCase): Promise<LibraryCaseView> {
  const emails = await emailsOf(prisma, [row.createdById, row.updatedById]);
  const fields = storedFields(row);
  const zh = storedZh(row);
  return {
    id: row.id,
    status: LIBRARY_STATES.find((s) => s === row.status) ?? "draft",
    version: row.version,
    title: row.title,
    fields,
    body: row.body,
    zh,
    sessionId: row.sessionId,
    createdBy: row.createdById ? (emails.get(row.createdById) ?? null) : null,
    updatedBy: row.updatedById ? (emails.get(row.updatedById) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    problems: checkCase(row.id, fields, row.body, zh, { knownCaseIds: await knownCaseIds(prisma) }).problems,
    inRepository: getContentLibrary().getCase(row.id) !== undefined,
  };
}

async function findRow(prisma: PrismaClient, id: string): Promise<LibraryCase> {
  const row = await prisma.libraryCase.findUnique({ where: { id } });
  if (!row) throw new AppError(404, `no case "${id.slice(0, 100)}" in the library`);
  return row;
}

/** Published cases are open to every library reader; drafts, reviews and archived cases need sign-in. */
export async function getLibraryCase(prisma: PrismaClient, id: string, viewer: Viewer = OPEN): Promise<LibraryCaseView> {
  const row = await findRow(prisma, id);
  if (row.status !== "published") requireWriter(viewer);
  return toView(prisma, row);
}

/** In-app cases, most recently changed first, optionally in one state. */
export async function listLibraryCases(
  prisma: PrismaClient,
  { status, limit = 200 }: { status?: LibraryState; limit?: number } = {},
): Promise<LibraryCaseSummary[]> {
  const rows = await prisma.libraryCase.findMany({
    where: status ? { status } : {},
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { id: true, status: true, version: true, title: true, fields: true, createdById: true, updatedAt: true },
  });
  const emails = await emailsOf(
    prisma,
    rows.map((r) => r.createdById),
  );
  return rows.map((r) => ({
    id: r.id,
    status: LIBRARY_STATES.find((s) => s === r.status) ?? "draft",
    version: r.version,
    title: r.title,
    titleZh: storedTitleZh(r),
    createdBy: r.createdById ? (emails.get(r.createdById) ?? null) : null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Path segments beside case ids (/library/new). */
const RESERVED_IDS = new Set(["new"]);

async function isTaken(prisma: PrismaClient, id: string): Promise<boolean> {
  return getContentLibrary().getCase(id) !== undefined || (await prisma.libraryCase.count({ where: { id } })) > 0;
}

/** The case's id: the one asked for (409 when taken), else the title's slug, numbered when taken. */
async function chooseId(prisma: PrismaClient, asked: string | undefined, title: string): Promise<string> {
  if (asked !== undefined) {
    const slug = slugSchema.safeParse(asked);
    if (!slug.success) throw new FieldError("id", slug.error.issues[0].message);
    if (RESERVED_IDS.has(asked)) throw new FieldError("id", `"${asked}" is reserved`);
    if (await isTaken(prisma, asked)) throw new AppError(409, `id: a case "${asked}" already exists`);
    return asked;
  }
  const base = slugify(title) || "case";
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!RESERVED_IDS.has(id) && !(await isTaken(prisma, id))) return id;
  }
}

/** Saves a new draft (fields as given, or the confirmed session's draft entry), with its first revision. */
export async function createLibraryCase(
  prisma: PrismaClient,
  input: CreateCaseInput | { fromSession: string },
  viewer: Viewer = OPEN,
): Promise<LibraryCaseView> {
  const userId = requireWriter(viewer);
  let sessionId: string | null = null;
  let parsed: CaseFields & { body: string; zh: ZhVersion | null };
  if ("fromSession" in input) {
    const session = await getSession(prisma, input.fromSession, viewer);
    const draft = caseDraftOfSession(session);
    parsed = createCaseSchema.parse({ ...draft.fields, id: undefined, body: draft.body, zh: draft.zh });
    sessionId = session.id;
  } else {
    parsed = createCaseSchema.parse(input);
  }
  const { id: asked, body, zh, ...fields } = parsed;
  const id = await chooseId(prisma, asked, fields.title);
  const content = { fields: JSON.stringify(fields), body, zh: zhJson(zh) };
  const row = await prisma.libraryCase.create({ data: { id, title: fields.title, ...content, sessionId, createdById: userId, updatedById: userId } });
  await prisma.caseRevision.create({ data: { caseId: id, version: 1, action: "created", authorId: userId, ...content } });
  return toView(prisma, row);
}

/** Who may change the case's content: reviewers always; its author while it is a draft or in review. */
function requireEditor(viewer: Viewer, row: LibraryCase): string | null {
  const userId = requireWriter(viewer);
  if (isReviewer(viewer)) return userId;
  if ((row.status === "draft" || row.status === "in-review") && (row.createdById === null || row.createdById === userId)) return userId;
  throw new AppError(
    403,
    row.status === "published" || row.status === "archived"
      ? `a ${row.status} case is changed by a trainer or an admin: flag it or suggest an edit`
      : "only its author or a reviewer may change this case",
  );
}

function requireVersion(row: LibraryCase, version: number | undefined): void {
  if (version !== undefined && version !== row.version)
    throw new AppError(409, `case "${row.id}" was saved by someone else (version ${row.version}, yours ${version}): reload or merge`);
}

/**
 * Whether a publish may go ahead: every check of content:check passes on the case and on its Chinese version
 * when it has one, compiling included; else 422 naming the first problem.
 */
async function requirePublishable(prisma: PrismaClient, id: string, content: CaseContent): Promise<void> {
  const { problems } = checkCase(id, content.fields, content.body, content.zh, { knownCaseIds: await knownCaseIds(prisma), checkDrill: true });
  if (problems.length === 0) problems.push(...(await checkCaseCompiles(content.body)));
  if (problems.length === 0 && content.zh) problems.push(...(await checkCaseCompiles(content.zh.body, "zh")));
  if (problems.length > 0) throw new AppError(422, describeProblem(problems[0]));
}

/** What a case says: its fields, body and Chinese version. */
type CaseContent = { fields: Omit<CaseFields, "id">; body: string; zh: ZhVersion | null };

/**
 * Saves new fields, body and/or Chinese version if the case is still at the version read; 409 otherwise. A save of
 * a published case (reviewers only) must pass the publishing checks and reaches readers at once.
 */
export async function saveLibraryCase(prisma: PrismaClient, id: string, change: SaveCaseInput, viewer: Viewer = OPEN): Promise<LibraryCaseView> {
  const row = await findRow(prisma, id);
  const userId = requireEditor(viewer, row);
  requireVersion(row, change.version);
  const content = { fields: change.fields ?? storedFields(row), body: change.body ?? row.body, zh: change.zh === undefined ? storedZh(row) : change.zh };
  const published = row.status === "published";
  if (published) await requirePublishable(prisma, id, content);
  const saved = await writeStep(prisma, row, change.version, { action: "saved", userId, ...content, status: row.status as LibraryState, republish: published });
  return toView(prisma, saved);
}

type Step = CaseContent & { action: string; userId: string | null; status: LibraryState; comment?: string; republish: boolean };

/**
 * One transaction: the conditional update (version unchanged), its revision and, when published
 * content changes, the library version every instance polls. 409 when someone saved in between.
 */
async function writeStep(prisma: PrismaClient, row: LibraryCase, expected: number, step: Step): Promise<LibraryCase> {
  const fieldsJson = JSON.stringify(step.fields);
  const now = new Date();
  const updated = await prisma.$transaction(async (tx) => {
    const libraryVersion = step.republish ? await bumpLibraryVersion(tx) : row.libraryVersion;
    const { count } = await tx.libraryCase.updateMany({
      where: { id: row.id, version: expected },
      data: {
        title: step.fields.title,
        fields: fieldsJson,
        body: step.body,
        zh: zhJson(step.zh),
        status: step.status,
        version: expected + 1,
        updatedById: step.userId,
        updatedAt: now,
        libraryVersion,
        ...(step.action === "published" ? { publishedAt: now } : {}),
      },
    });
    if (count !== 1) return undefined;
    await tx.caseRevision.create({
      data: {
        caseId: row.id,
        version: expected + 1,
        action: step.action,
        authorId: step.userId,
        comment: step.comment ?? "",
        fields: fieldsJson,
        body: step.body,
        zh: zhJson(step.zh),
      },
    });
    return tx.libraryCase.findUniqueOrThrow({ where: { id: row.id } });
  });
  if (!updated) requireVersion(await findRow(prisma, row.id), expected);
  if (!updated) throw new AppError(409, `case "${row.id}" was saved by someone else: reload or merge`);
  if (step.republish) noteLibraryChanged(prisma);
  return updated;
}

const TRANSITIONS: Record<CaseAction, { from: readonly LibraryState[]; to?: LibraryState; reviewer: boolean; past: string }> = {
  submit: { from: ["draft"], to: "in-review", reviewer: false, past: "submitted" },
  publish: { from: ["draft", "in-review", "archived"], to: "published", reviewer: true, past: "published" },
  "request-changes": { from: ["in-review"], to: "draft", reviewer: true, past: "changes-requested" },
  comment: { from: LIBRARY_STATES, reviewer: false, past: "commented" },
  archive: { from: ["draft", "in-review", "published"], to: "archived", reviewer: true, past: "archived" },
};

/**
 * Moves the case through review: engineers submit their drafts; reviewers comment, request changes,
 * publish (after every content:check passes) and archive. `version`, when given, must be current (409).
 */
export async function actOnLibraryCase(
  prisma: PrismaClient,
  id: string,
  action: CaseAction,
  { version, comment }: { version?: number; comment?: string } = {},
  viewer: Viewer = OPEN,
): Promise<LibraryCaseView> {
  const row = await findRow(prisma, id);
  const rule = TRANSITIONS[action];
  const userId = rule.reviewer ? requireReviewer(viewer) : action === "comment" ? requireWriter(viewer) : requireEditor(viewer, row);
  requireVersion(row, version);
  if (!rule.from.includes(row.status as LibraryState)) throw new AppError(409, `a case that is ${row.status} cannot be ${rule.past}`);
  if ((action === "comment" || action === "request-changes") && !comment) throw new AppError(422, "comment: say what should change");
  const content = { fields: storedFields(row), body: row.body, zh: storedZh(row) };
  if (action === "publish") await requirePublishable(prisma, id, content);
  const status = rule.to ?? (row.status as LibraryState);
  const republish = action === "publish" || (action === "archive" && row.status === "published");
  const saved = await writeStep(prisma, row, row.version, { action: rule.past, userId, ...content, status, comment, republish });
  return toView(prisma, saved);
}

/** The reviewer acting (null with no accounts): 401 signed out, 403 below the trainer role. */
export function requireReviewer(viewer: Viewer): string | null {
  const userId = requireWriter(viewer);
  if (!isReviewer(viewer)) throw new AppError(403, `this needs the trainer role; you are ${viewer.user?.role ?? "signed out"}`);
  return userId;
}

export type CaseRevisionView = { version: number; action: string; by: string | null; at: string; comment: string; diff: DiffLine[] };

/** The case's history, oldest first, each step with the lines it changed in the case file and its Chinese page (when it has one). */
export async function listCaseRevisions(prisma: PrismaClient, id: string, viewer: Viewer = OPEN): Promise<CaseRevisionView[]> {
  await getLibraryCase(prisma, id, viewer);
  const rows = await prisma.caseRevision.findMany({ where: { caseId: id }, orderBy: [{ version: "asc" }, { createdAt: "asc" }] });
  const emails = await emailsOf(
    prisma,
    rows.map((r) => r.authorId),
  );
  let previous = "";
  return rows.map((r) => {
    const { id: _id, ...fields } = draftFieldsSchema.parse(JSON.parse(r.fields));
    const zh = storedZh(r);
    const file = toCaseMdx(id, fields, r.body) + (zh ? `\n${toCaseZhMdx(id, fields.titleZh, zh)}` : "");
    const diff = lineDiff(previous, file);
    previous = file;
    return {
      version: r.version,
      action: r.action,
      by: r.authorId ? (emails.get(r.authorId) ?? null) : null,
      at: r.createdAt.toISOString(),
      comment: r.comment,
      diff,
    };
  });
}

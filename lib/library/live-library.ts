// The library as readers see it on this instance: the repository's cases plus the cases published
// in the app, kept current by polling one counter (LibraryState.version) at most every
// SYNC_INTERVAL_MS; a publish bumps it in the same transaction, so every instance picks the change
// up on its next read after that, and this one at once. Search is updated in place, never rebuilt.
import { Prisma, type LibraryCase, type PrismaClient } from "@/generated/prisma/client";

import { zhFileOf } from "../content/language-pairs";
import { createContentLibrary, getContentLibrary, type ContentLibrary } from "../content/library";
import { parseCaseZhPage, type CaseEntry } from "../content/parse-entry";
import { caseFrontmatterSchema } from "../content/schema";
import { getPrisma, sqliteStatementsOf } from "../db";
import { getCacheDir } from "../env";
import { toCaseDocument, type SearchDocument } from "../search/documents";
import { loadOrBuildSearchIndexData } from "../search/index-cache";
import { loadSearchIndex, type SearchIndex } from "../search/search-index";
import { createBulkAdd, updateSearchIndex } from "../search/update-index";
import { learnedCaseOf } from "../triage/knowledge";
import { boundPerCause, MAX_LEARNED_TEXTS_PER_CAUSE, type LearnedCase } from "../triage/learned";
import { draftFieldsSchema, storedZh, toCaseMdx, toCaseZhMdx } from "./case-fields";

/** How stale an instance's view of published in-app cases may be. */
export const SYNC_INTERVAL_MS = 250;

type LiveState = {
  /** LibraryState.version applied; -1 before the first load. */
  seen: number;
  checkedAt: number;
  syncing?: Promise<void>;
  /** Published in-app cases whose id the repository does not hold. */
  inApp: Map<string, CaseEntry>;
  /** Per in-app case id: the library version at which its page last changed (itself or a case it lists). */
  pageChangedAt: Map<string, number>;
  /** The library version at which each in-app case last changed (newest first for the engine). */
  changedAt: Map<string, number>;
  /** The in-app cases most recently changed first, for the version seen. */
  ordered?: { seen: number; cases: CaseEntry[] };
  /** What the engine learns of the in-app cases, for the version seen. */
  learned?: { seen: number; cases: LearnedCase[] };
  library: ContentLibrary;
  search?: SearchIndex;
  /** Whether an unreadable database was reported already. */
  warned?: boolean;
};

const states = new WeakMap<PrismaClient, LiveState>();

function stateOf(prisma: PrismaClient): LiveState {
  let state = states.get(prisma);
  if (!state) {
    state = { seen: -1, checkedAt: 0, inApp: new Map(), pageChangedAt: new Map(), changedAt: new Map(), library: getContentLibrary() };
    states.set(prisma, state);
  }
  return state;
}

/** The repository's cases and root causes plus every published in-app case (the repository wins an id both hold). */
export async function getLiveLibrary(prisma: PrismaClient = getPrisma()): Promise<ContentLibrary> {
  const state = stateOf(prisma);
  await sync(prisma, state);
  return state.library;
}

/** The live library together with the library version it reflects (-1 without a readable database). */
export async function getLiveLibrarySnapshot(prisma: PrismaClient = getPrisma()): Promise<{ library: ContentLibrary; version: number }> {
  const state = stateOf(prisma);
  await sync(prisma, state);
  return { library: state.library, version: state.seen };
}

/**
 * For the server's page cache: the library version this process has applied, the version at which an
 * in-app case's page last changed (undefined for an id it has never seen published), and the sync to
 * await first when one is due (undefined otherwise, so most requests wait for nothing).
 */
export function trackLibraryVersion(prisma: () => PrismaClient = getPrisma) {
  return {
    current: () => stateOf(prisma()).seen,
    casePageChangedAt: (id: string): number | undefined => stateOf(prisma()).pageChangedAt.get(id),
    due: (): Promise<void> | undefined => {
      const state = stateOf(prisma());
      return state.syncing ?? (Date.now() - state.checkedAt < SYNC_INTERVAL_MS ? undefined : sync(prisma(), state));
    },
  };
}

/** The published in-app cases (the repository does not hold their ids), most recently changed first, and the library version they reflect. */
export async function getLiveInAppCases(prisma: PrismaClient = getPrisma()): Promise<{ version: number; cases: CaseEntry[] }> {
  const state = stateOf(prisma);
  await sync(prisma, state);
  return { version: state.seen, cases: newestFirst(state) };
}

/**
 * What the engine learns from the published in-app cases (problem cases with a confirmed cause): the
 * MAX_LEARNED_TEXTS_PER_CAUSE most recently changed of each cause, newest first, and the library
 * version they reflect. Worked out once per version.
 */
export async function getLiveLearnedCases(prisma: PrismaClient = getPrisma()): Promise<{ version: number; cases: LearnedCase[] }> {
  const state = stateOf(prisma);
  await sync(prisma, state);
  if (state.learned?.seen !== state.seen) {
    const cases = boundPerCause(
      newestFirst(state).flatMap((entry) => learnedCaseOf(entry) ?? []),
      MAX_LEARNED_TEXTS_PER_CAUSE,
    );
    state.learned = { seen: state.seen, cases };
  }
  return { version: state.seen, cases: state.learned.cases };
}

function newestFirst(state: LiveState): CaseEntry[] {
  if (state.ordered?.seen !== state.seen) {
    const changedAt = (entry: CaseEntry) => state.changedAt.get(entry.id) ?? 0;
    state.ordered = { seen: state.seen, cases: [...state.inApp.values()].sort((a, b) => changedAt(b) - changedAt(a) || a.id.localeCompare(b.id)) };
  }
  return state.ordered.cases;
}

/** The published in-app case with this id, if there is one the repository does not shadow. */
export async function getPublishedInAppCase(id: string, prisma: PrismaClient = getPrisma()): Promise<CaseEntry | undefined> {
  const state = stateOf(prisma);
  await sync(prisma, state);
  return state.inApp.get(id);
}

/** Up to this many in-app cases are indexed before the first search is answered; past it, in the background. */
const INDEX_AT_ONCE = 1_000;
/** Longest stretch a background fill holds the event loop before it lets requests in. */
const INDEX_SLICE_MS = 10;

/**
 * The search index over the live library; changes are applied to it in place. A process's first call
 * loads the repository's index and adds the published in-app cases: at once when there are few, else
 * in the background, so a new instance answers searches from the start while its index fills.
 */
export async function getLiveSearchIndex(prisma: PrismaClient = getPrisma()): Promise<SearchIndex> {
  const state = stateOf(prisma);
  await sync(prisma, state);
  if (!state.search) {
    const index = loadSearchIndex(loadOrBuildSearchIndexData(getCacheDir(), getContentLibrary()).data);
    state.search = index;
    const pending = [...state.inApp.values()];
    if (pending.length <= INDEX_AT_ONCE) updateSearchIndex(index, { upsert: pending.map(toCaseDocument) });
    else void indexInBackground(state, index, pending);
  }
  return state.search;
}

/**
 * Weighs the entries' terms (the costly part) a slice of time at a time, yielding to requests in
 * between, then puts them into the index in one step. An entry changed or removed meanwhile is left
 * to the sync that changed it.
 */
async function indexInBackground(state: LiveState, index: SearchIndex, entries: CaseEntry[]): Promise<void> {
  const bulk = createBulkAdd(index);
  const entryOf = new Map<SearchDocument, CaseEntry>();
  let sliceStart = performance.now();
  for (const entry of entries) {
    if (performance.now() - sliceStart > INDEX_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    const document = toCaseDocument(entry);
    entryOf.set(document, entry);
    bulk.add(document);
  }
  bulk.commit((document) => state.inApp.get(document.id) !== entryOf.get(document));
}

/** After this process changed published content: the next read syncs at once. */
export function noteLibraryChanged(prisma: PrismaClient): void {
  stateOf(prisma).checkedAt = 0;
}

/** Bumps the library version inside a publishing transaction and returns the new value. */
export async function bumpLibraryVersion(tx: Prisma.TransactionClient): Promise<number> {
  const rows = await tx.$queryRaw<{ version: number | bigint }[]>`
    INSERT INTO "LibraryState" ("id", "version") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "version" = "LibraryState"."version" + 1
    RETURNING "version"`;
  return Number(rows[0].version);
}

async function readLibraryVersion(prisma: PrismaClient): Promise<number> {
  const query = Prisma.sql`SELECT "version" FROM "LibraryState" WHERE "id" = 1`;
  const sqlite = sqliteStatementsOf(prisma);
  const row = sqlite ? await sqlite.get<{ version: number | bigint }>(query) : (await prisma.$queryRaw<{ version: number | bigint }[]>(query))[0];
  return row ? Number(row.version) : 0;
}

function sync(prisma: PrismaClient, state: LiveState): Promise<void> {
  if (state.syncing) return state.syncing;
  if (Date.now() - state.checkedAt < SYNC_INTERVAL_MS) return Promise.resolve();
  state.syncing = syncNow(prisma, state).finally(() => (state.syncing = undefined));
  return state.syncing;
}

/**
 * Applies what changed since the version seen. A database that cannot be read (none configured, not
 * migrated, down) leaves the library as it was: the repository's cases are served, and it is tried
 * again after the interval.
 */
async function syncNow(prisma: PrismaClient, state: LiveState): Promise<void> {
  const checkedAt = Date.now();
  let version: number;
  try {
    version = await readLibraryVersion(prisma);
  } catch (error) {
    if (!state.warned) console.warn(`cases published in the app are not shown: ${error instanceof Error ? error.message : String(error)}`);
    state.warned = true;
    state.checkedAt = checkedAt;
    return;
  }
  if (version !== state.seen) {
    const first = state.seen < 0;
    const rows = await prisma.libraryCase.findMany({ where: first ? { status: "published" } : { libraryVersion: { gt: state.seen } } });
    applyChanges(state, rows);
    state.seen = version;
  }
  state.checkedAt = checkedAt;
}

function applyChanges(state: LiveState, rows: LibraryCase[]): void {
  const repository = getContentLibrary();
  const upsert: CaseEntry[] = [];
  const remove: string[] = [];
  const changed: ChangedCase[] = [];
  for (const row of rows) {
    if (repository.getCase(row.id)) continue;
    const before = state.inApp.get(row.id);
    const entry = row.status === "published" ? toCaseEntry(row) : undefined;
    if (entry) {
      state.inApp.set(row.id, entry);
      state.changedAt.set(row.id, row.libraryVersion);
      upsert.push(entry);
    } else if (state.inApp.delete(row.id)) {
      state.changedAt.delete(row.id);
      remove.push(row.id);
    }
    if (before || entry)
      changed.push({ id: row.id, version: row.libraryVersion, lists: [...(before?.frontmatter.related ?? []), ...(entry?.frontmatter.related ?? [])] });
  }
  markChangedPages(state, changed);
  if (upsert.length === 0 && remove.length === 0) return;
  state.library = createContentLibrary([...repository.cases, ...state.inApp.values()], repository.rootCauses);
  if (state.search) updateSearchIndex(state.search, { upsert: upsert.map(toCaseDocument), remove: remove.map((id) => ({ kind: "case" as const, id })) });
}

type ChangedCase = { id: string; version: number; lists: string[] };

/**
 * An in-app case's page shows the case and the cases related to it either way (ContentLibrary.relatedCases):
 * a change to any of them changes the page. Linear in the number of in-app cases.
 */
function markChangedPages(state: LiveState, changed: ChangedCase[]): void {
  if (changed.length === 0) return;
  const mark = (id: string, version: number) => state.pageChangedAt.set(id, Math.max(state.pageChangedAt.get(id) ?? version, version));
  const versionOf = new Map<string, number>();
  for (const { id, version, lists } of changed) {
    mark(id, version);
    for (const listed of lists) mark(listed, version);
    versionOf.set(id, version);
  }
  for (const entry of state.inApp.values())
    for (const listed of entry.frontmatter.related) {
      const version = versionOf.get(listed);
      if (version !== undefined) mark(entry.id, version);
    }
}

/**
 * A published row as a library entry, with its Chinese page when it has a Chinese version (it passed every
 * check when published; one that no longer parses is left out, logged).
 */
export function toCaseEntry(row: Pick<LibraryCase, "id" | "fields" | "body" | "zh">): CaseEntry | undefined {
  const { id: _id, ...fields } = draftFieldsSchema.parse(JSON.parse(row.fields));
  const frontmatter = caseFrontmatterSchema.safeParse({ ...fields, id: row.id });
  if (!frontmatter.success) {
    console.error(`library case "${row.id}" is published but no longer valid: ${frontmatter.error.issues[0].message}`);
    return undefined;
  }
  const file = `content/cases/${row.id}.mdx`;
  const source = toCaseMdx(row.id, fields, row.body);
  const bodyStartLine = source.split("\n").indexOf("---", 1) + 2;
  const entry: CaseEntry = { kind: "case", id: row.id, file, source, body: row.body, bodyStartLine, frontmatter: frontmatter.data };
  const zh = storedZh(row);
  if (!zh) return entry;
  const page = parseCaseZhPage(zhFileOf(entry), toCaseZhMdx(row.id, fields.titleZh, zh), frontmatter.data.type);
  if (page.ok) return { ...entry, zh: page.entry };
  console.error(`library case "${row.id}": its Chinese version is published but no longer valid: ${page.problems[0].message}`);
  return entry;
}

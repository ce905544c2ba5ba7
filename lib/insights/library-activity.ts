import type { PrismaClient } from "@/generated/prisma/client";

import { listOpenFlags } from "../library/feedback";
import { getLiveLibrary } from "../library/live-library";
import { listLibraryCases } from "../library/repository";

/** How many rows each list holds. */
const LISTED = 20;

/** What readers and writers do with the library: reuse, flags waiting for review, cases not yet published. */
export type LibraryActivity = {
  /** Cases readers said solved their ticket, most often first. */
  mostReused: { caseId: string; title: string; solved: number }[];
  /** Flags (outdated, incorrect, unclear) not yet resolved, newest first. */
  openFlags: { id: string; title: string; url: string; kind: string; comment: string; createdAt: string }[];
  /** In-app cases in draft or in review, most recently saved first. */
  drafts: { id: string; title: string; status: string; updatedAt: string }[];
};

export async function readLibraryActivity(prisma: PrismaClient): Promise<LibraryActivity> {
  const [solved, flags, drafts, inReview, library] = await Promise.all([
    prisma.feedback.groupBy({
      by: ["caseId"],
      where: { kind: "solved", caseId: { not: null } },
      _count: { caseId: true },
      orderBy: [{ _count: { caseId: "desc" } }, { caseId: "asc" }],
      take: LISTED,
    }),
    listOpenFlags(prisma, LISTED),
    listLibraryCases(prisma, { status: "draft", limit: LISTED }),
    listLibraryCases(prisma, { status: "in-review", limit: LISTED }),
    getLiveLibrary(prisma),
  ]);
  const caseTitle = (id: string) => library.getCase(id)?.frontmatter.title ?? id;
  return {
    mostReused: solved.flatMap((row) => (row.caseId ? [{ caseId: row.caseId, title: caseTitle(row.caseId), solved: row._count.caseId }] : [])),
    openFlags: flags.map((flag) => ({
      id: flag.id,
      title: flag.caseId ? caseTitle(flag.caseId) : (library.getRootCause(flag.causeId ?? "")?.frontmatter.title ?? flag.causeId ?? ""),
      url: flag.caseId ? `/cases/${flag.caseId}` : `/causes/${flag.causeId}`,
      kind: flag.kind,
      comment: flag.comment,
      createdAt: flag.createdAt,
    })),
    drafts: [...drafts, ...inReview]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, LISTED)
      .map((c) => ({ id: c.id, title: c.title, status: c.status, updatedAt: c.updatedAt })),
  };
}

// Test data for /insights: the replay fixture's 60 confirmed sessions, sessions that ended without a
// cause, and logged searches.
import { createPrisma } from "@/lib/db";
import { getSearchIndex } from "@/lib/search/content-index";
import { logSearch, logSearchClick } from "@/lib/search/search-log";
import { writeReplayFixture } from "@/test/triage/replay/fixture";

export const NO_RESULT_QUERY = "qwzxv frobnicator";
export const UNCLICKED_QUERY = "conntrack insert_failed";
export const CLICKED_QUERY = "tcp_tw_recycle NAT";
export const REUSED_CASE = "alb-502-keepalive-race";
export const OPEN_FLAG_COMMENT = "The ALB idle timeout default changed";
export const DRAFT_TITLE = "VPN tunnel drops large packets";

/** Writes the test data into the migrated database at `url`; `now` dates the recent sessions. */
export async function seedInsights(url: string, now = new Date()): Promise<void> {
  await writeReplayFixture(url);
  const prisma = createPrisma(url);
  try {
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    await prisma.triageSession.createMany({
      data: [
        {
          id: "endedclosed",
          title: "Intermittent resets from the VPN",
          description: "resets",
          status: "closed",
          answers: JSON.stringify({ symptom: "refused-or-reset" }),
          createdAt: daysAgo(3),
          updatedAt: daysAgo(2),
        },
        {
          id: "endedidle",
          title: "Slow uploads to the bucket",
          description: "slow",
          status: "open",
          answers: "{}",
          createdAt: daysAgo(20),
          updatedAt: daysAgo(10),
        },
        {
          id: "stillopen",
          title: "Just started",
          description: "x",
          status: "open",
          answers: JSON.stringify({ symptom: "refused-or-reset" }),
          createdAt: daysAgo(1),
          updatedAt: daysAgo(1),
        },
      ],
    });
    await prisma.feedback.createMany({
      data: [
        ...Array.from({ length: 3 }, () => ({ caseId: REUSED_CASE, kind: "solved" })),
        { caseId: "k8s-dns-5s-conntrack-dnat-race", kind: "solved", sessionId: "fixture01" },
        { caseId: REUSED_CASE, kind: "outdated", comment: OPEN_FLAG_COMMENT },
        { causeId: "mtu-mismatch", kind: "unclear", comment: "Which MTU does the tunnel use?" },
        { caseId: REUSED_CASE, kind: "incorrect", comment: "fixed since", resolvedAt: daysAgo(1) },
      ],
    });
    const draft = (id: string, title: string, status: string, days: number) => ({ id, title, status, fields: "{}", body: "", updatedAt: daysAgo(days) });
    await prisma.libraryCase.createMany({
      data: [
        draft("vpn-tunnel-drops-large-packets", DRAFT_TITLE, "draft", 2),
        draft("nat-gateway-port-reuse", "NAT gateway reuses ports too soon", "in-review", 1),
        draft("archived-one", "Archived", "archived", 1),
      ],
    });
    await logSearch(prisma, getSearchIndex(), { q: NO_RESULT_QUERY, limit: 20 });
    await logSearch(prisma, getSearchIndex(), { q: `  ${NO_RESULT_QUERY.toUpperCase()} `, limit: 20 });
    await logSearch(prisma, getSearchIndex(), { q: UNCLICKED_QUERY, limit: 20 });
    const clicked = await logSearch(prisma, getSearchIndex(), { q: CLICKED_QUERY, limit: 20 });
    await logSearchClick(prisma, { search: clicked.id, url: "/causes/tcp-tw-recycle-nat-timestamps" });
  } finally {
    await prisma.$disconnect();
  }
}

import { beforeAll, describe, expect, it } from "vitest";

import { createUser } from "@/lib/auth/accounts";
import { openSession } from "@/lib/auth/sign-in";
import { getPrisma } from "@/lib/db";
import { backends, useAppDatabase } from "@/test/db/databases";

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
let collection: { GET: (request: Request) => Promise<Response>; POST: (request: Request) => Promise<Response> };
let item: { PATCH: Handler };
let patch: { GET: Handler };
let source: { GET: Handler };
let sessions: { POST: (request: Request) => Promise<Response> };

beforeAll(async () => {
  collection = await import("@/app/api/feedback/route");
  item = await import("@/app/api/feedback/[id]/route");
  patch = await import("@/app/api/feedback/[id]/patch/route");
  source = await import("@/app/api/cases/[id]/source/route");
  sessions = await import("@/app/api/sessions/route");
});

const CASE = "k8s-dns-5s-conntrack-dnat-race";
const send = (method: string, body: unknown, cookie?: string) => ({
  method,
  headers: { "content-type": "application/json", ...(cookie ? { cookie: `netriage_session=${cookie}` } : {}) },
  body: JSON.stringify(body),
});
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (body: unknown, cookie?: string) => collection.POST(new Request("http://x/api/feedback", send("POST", body, cookie)));
const summary = async (query: string) => (await collection.GET(new Request(`http://x/api/feedback?${query}`))).json();

describe.each(backends)("feedback routes on %s", (dialect) => {
  beforeAll(async () => {
    await useAppDatabase(dialect);
  });

  it("POST /api/feedback counts 'solved' per case, linked to the session, and per cause page", async () => {
    const session = await (await sessions.POST(new Request("http://x/api/sessions", send("POST", { description: "dns slow" })))).json();
    const solved = await post({ caseId: CASE, kind: "solved", sessionId: session.id });
    expect(solved.status).toBe(201);
    expect(await solved.json()).toMatchObject({ caseId: CASE, kind: "solved", sessionId: session.id });
    await post({ causeId: "conntrack-insert-race", kind: "solved" });
    expect(await summary(`caseId=${CASE}`)).toEqual({ solved: 1, openFlags: 0 });
    expect(await summary("causeId=conntrack-insert-race")).toEqual({ solved: 1, openFlags: 0 });
  });

  it("answers 422 naming the field: neither or both targets, an unknown case, cause, kind or session", async () => {
    const cases: [unknown, RegExp][] = [
      [{ kind: "solved" }, /^caseId: /],
      [{ caseId: CASE, causeId: "conntrack-insert-race", kind: "solved" }, /^caseId: /],
      [{ caseId: "no-such-case", kind: "outdated" }, /^caseId: no published case/],
      [{ causeId: "gremlins", kind: "outdated" }, /^causeId: /],
      [{ caseId: CASE, kind: "great" }, /^kind: /],
      [{ caseId: CASE, kind: "solved", sessionId: "nope" }, /^sessionId: /],
      [{ caseId: CASE, kind: "solved", suggestion: "---" }, /^suggestion: /],
    ];
    for (const [body, error] of cases) {
      const response = await post(body);
      expect(response.status).toBe(422);
      expect((await response.json()).error).toMatch(error);
    }
  });

  it("a flag with a suggested edit reaches the review queue, exports as a patch of the case file, and is resolved", async () => {
    const current = await (await source.GET(new Request(`http://x/api/cases/${CASE}/source`), params(CASE))).text();
    const suggestion = current.replace("## Cause", "## Cause\n\nSeen again after the 1.28 upgrade.");
    const flag = await (await post({ caseId: CASE, kind: "outdated", comment: "Still true on 1.28?", suggestion })).json();
    const queue = await (await collection.GET(new Request("http://x/api/feedback?open=flags"))).json();
    expect(queue).toContainEqual(expect.objectContaining({ id: flag.id, kind: "outdated", hasSuggestion: true, comment: "Still true on 1.28?" }));
    const diff = await (await patch.GET(new Request(`http://x/api/feedback/${flag.id}/patch`), params(flag.id))).text();
    expect(diff).toMatch(new RegExp(`^--- a/content/cases/${CASE}\\.mdx\\n\\+\\+\\+ b/content/cases/${CASE}\\.mdx\\n@@ `));
    expect(diff).toContain("\n+Seen again after the 1.28 upgrade.\n");
    expect(await summary(`caseId=${CASE}`)).toMatchObject({ openFlags: 1 });
    const resolved = await item.PATCH(new Request(`http://x/api/feedback/${flag.id}`, send("PATCH", { resolved: true })), params(flag.id));
    expect(resolved.status).toBe(200);
    expect(await summary(`caseId=${CASE}`)).toMatchObject({ openFlags: 0 });
  });

  it("with accounts: anonymous feedback is 401, the queue and patches need a trainer (403 for an engineer)", async () => {
    const prisma = getPrisma();
    await createUser(prisma, { email: `fb-eng-${dialect}@example.com`, role: "engineer", password: "correct horse battery" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: `fb-eng-${dialect}@example.com` } });
    const { token } = await openSession(prisma, user);
    expect((await post({ caseId: CASE, kind: "solved" })).status).toBe(401);
    expect((await post({ caseId: CASE, kind: "solved" }, token)).status).toBe(201);
    const queue = await collection.GET(new Request("http://x/api/feedback?open=flags", { headers: { cookie: `netriage_session=${token}` } }));
    expect(queue.status).toBe(403);
  });
});

// GET /api/insights: the figures of /insights, for trainers and admins (anyone while sign-in is off).
import { beforeAll, describe, expect, it } from "vitest";

import { SESSION_COOKIE } from "@/lib/auth/access";
import { createUser } from "@/lib/auth/accounts";
import { signIn } from "@/lib/auth/sign-in";
import { createPrisma } from "@/lib/db";
import { GET, POST } from "@/app/api/insights/route";
import { backends, useAppDatabase } from "@/test/db/databases";
import { NO_RESULT_QUERY, seedInsights } from "@/test/insights/seed";

const PASSWORD = "correct horse battery staple";
const get = (headers: Record<string, string> = {}) => GET(new Request("http://localhost/api/insights", { headers }));

describe.each(backends)("GET /api/insights on %s", (dialect) => {
  let url: string;
  beforeAll(async () => {
    url = await useAppDatabase(dialect);
    await seedInsights(url);
  }, 120_000);

  it("answers the figures to the single user while sign-in is off", { timeout: 120_000 }, async () => {
    const response = await get();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["searches", "unconfirmed", "firstGuess", "timeToConfirm", "library"]);
    expect(body.searches.noResult[0].query.toLowerCase()).toContain(NO_RESULT_QUERY);
    expect(body.firstGuess.sessions).toBe(60);
    expect(body.unconfirmed.sessions).toBe(2);
    expect((await POST(new Request("http://localhost/api/insights", { method: "POST" }))).status).toBe(405);
  });

  it("answers 401 to nobody, 403 to an engineer and 200 to a trainer once sign-in is on", async () => {
    const prisma = createPrisma(url);
    await createUser(prisma, { email: "eng@example.com", role: "engineer", password: PASSWORD });
    await createUser(prisma, { email: "trainer@example.com", role: "trainer", password: PASSWORD });
    const cookieOf = async (email: string) => `${SESSION_COOKIE}=${(await signIn(prisma, { email, password: PASSWORD }, "10.0.0.1")).token}`;
    expect((await get()).status).toBe(401);
    expect((await get({ cookie: await cookieOf("eng@example.com") })).status).toBe(403);
    expect((await get({ cookie: await cookieOf("trainer@example.com") })).status).toBe(200);
    await prisma.$disconnect();
  });
});

// Concurrent requests on one worker (one process, one database client): a transaction that fails
// never takes another request's acknowledged write with it, and a database locked by another
// process (a second worker) is waited for, never answered with a 500.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";

import { SESSION_COOKIE } from "@/lib/auth/access";
import { createUser } from "@/lib/auth/accounts";
import { getPrisma } from "@/lib/db";
import { backends, useAppDatabase } from "@/test/db/databases";

const PASSWORD = "correct horse battery";

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let signInRoute: (request: Request) => Promise<Response>;
let meRoute: (request: Request) => Promise<Response>;
let sessionsRoute: { POST: (request: Request) => Promise<Response> };
let sessionRoute: {
  GET: (request: Request, context: ReturnType<typeof params>) => Promise<Response>;
  PUT: (request: Request, context: ReturnType<typeof params>) => Promise<Response>;
};

beforeAll(async () => {
  signInRoute = (await import("@/app/api/auth/sign-in/route")).POST;
  meRoute = (await import("@/app/api/auth/me/route")).GET;
  sessionsRoute = await import("@/app/api/sessions/route");
  sessionRoute = await import("@/app/api/sessions/[id]/route");
});

describe.each(backends)("concurrent requests on one worker (%s)", (dialect) => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await useAppDatabase(dialect);
    await createUser(getPrisma(), { email: "eng@example.com", role: "engineer", password: PASSWORD });
  });

  it("keeps a sign-in acknowledged while another request's transaction was open and then failed", async () => {
    const signIn = signInRoute(new Request("http://x/api/auth/sign-in", json("POST", { email: "eng@example.com", password: PASSWORD })));
    const failing = getPrisma().$transaction(async (tx) => {
      await tx.user.update({ where: { email: "eng@example.com" }, data: { name: "renamed, then rolled back" } });
      // Open until the sign-in has answered (or long enough for it to), then fail.
      await Promise.race([signIn, sleep(1500)]);
      throw new Error("this request's transaction fails");
    });
    await expect(failing).rejects.toThrow("this request's transaction fails");
    const response = await signIn;
    expect(response.status).toBe(200);
    const token = /netriage_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
    const me = await (await meRoute(new Request("http://x/api/auth/me", { headers: { cookie: `${SESSION_COOKIE}=${token}` } }))).json();
    expect(me.user?.email).toBe("eng@example.com");
    expect(me.user?.name).toBe("");
  });

  it.runIf(dialect === "sqlite")("waits for another process's write lock instead of answering 500", async () => {
    const cookie = `${SESSION_COOKIE}=${/netriage_session=([^;]+)/.exec((await signInRoute(new Request("http://x/api/auth/sign-in", json("POST", { email: "eng@example.com", password: PASSWORD })))).headers.get("set-cookie") ?? "")?.[1]}`;
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push((await (await sessionsRoute.POST(new Request("http://x/api/sessions", json("POST", { description: `ticket ${i}` }, { cookie })))).json()).id);

    // Another worker holds the write lock for 1.5 s while this one answers a burst of saves and reads.
    const otherWorker = new Database(databaseUrl.replace(/^file:/, ""));
    otherWorker.prepare("BEGIN IMMEDIATE").run();
    otherWorker.prepare(`UPDATE "User" SET "name" = 'other worker' WHERE "email" = 'eng@example.com'`).run();
    const released = sleep(1500).then(() => otherWorker.prepare("COMMIT").run());
    const started = Date.now();
    const answers = await Promise.all(
      ids.flatMap((id) => [
        sessionRoute.PUT(new Request(`http://x/api/sessions/${id}`, json("PUT", { version: 1, notes: "saved while locked" }, { cookie })), params(id)),
        sessionRoute.GET(new Request(`http://x/api/sessions/${id}`, { headers: { cookie } }), params(id)),
      ]),
    );
    await released;
    otherWorker.close();
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    for (const id of ids) {
      const saved = await (await sessionRoute.GET(new Request(`http://x/api/sessions/${id}`, { headers: { cookie } }), params(id))).json();
      expect(saved).toMatchObject({ version: 2, notes: "saved while locked" });
    }
  });
});

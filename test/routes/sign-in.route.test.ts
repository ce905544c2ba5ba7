// POST /api/auth/sign-in at the edge: which address a failed attempt counts against, what signing
// in again does to the browser's earlier session, and which requests never get that far.
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { SESSION_COOKIE } from "@/lib/auth/access";
import { createUser } from "@/lib/auth/accounts";
import { MAX_FAILURES_PER_ADDRESS } from "@/lib/auth/sign-in";
import { createPrisma } from "@/lib/db";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { GET as meRoute } from "@/app/api/auth/me/route";
import { POST as signInRoute } from "@/app/api/auth/sign-in/route";
import { GET as listSessionsRoute } from "@/app/api/sessions/route";
import { backends, useAppDatabase } from "@/test/db/databases";

const PASSWORD = "correct horse battery";

const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
  signInRoute(
    new Request("http://netriage.example/api/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
const tokenOf = (response: Response) => new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(response.headers.get("set-cookie") ?? "")?.[1] ?? "";
const userOf = async (token: string) =>
  (await (await meRoute(new Request("http://netriage.example/api/auth/me", { headers: { cookie: `${SESSION_COOKIE}=${token}` } }))).json()).user?.email ?? null;

/** Fails MAX_FAILURES_PER_ADDRESS sign-ins (each on another account), then answers the status of one more. */
async function statusAfterFailures(headersOfAttempt: (i: number) => Record<string, string>): Promise<number> {
  for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect((await signIn(`guess${i}@example.com`, "wrong", headersOfAttempt(i))).status).toBe(401);
  return (await signIn("eng@example.com", PASSWORD, headersOfAttempt(MAX_FAILURES_PER_ADDRESS))).status;
}

describe.each(backends)("POST /api/auth/sign-in on %s", (dialect) => {
  beforeAll(async () => {
    const prisma = createPrisma(await useAppDatabase(dialect));
    await createUser(prisma, { email: "eng@example.com", role: "engineer", password: PASSWORD });
    await prisma.$disconnect();
  });
  afterEach(() => {
    delete process.env.NETRIAGE_PROXY_HOPS;
  });

  it("without a proxy, counts failures against the connection's address, whatever X-Forwarded-For claims", async () => {
    const status = await statusAfterFailures((i) => ({ [PEER_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": `203.0.113.${i}` }));
    expect(status).toBe(429);
    expect((await signIn("eng@example.com", PASSWORD, { [PEER_ADDRESS_HEADER]: "198.51.100.8", "x-forwarded-for": "198.51.100.7" })).status).toBe(200);
  });

  it("behind one proxy, counts them against the address that proxy saw, never the entries the client added", async () => {
    process.env.NETRIAGE_PROXY_HOPS = "1";
    const proxy = { [PEER_ADDRESS_HEADER]: "10.0.0.2" };
    const status = await statusAfterFailures((i) => ({ ...proxy, "x-forwarded-for": `192.0.2.${i}, 203.0.113.50` }));
    expect(status).toBe(429);
    expect((await signIn("eng@example.com", PASSWORD, { ...proxy, "x-forwarded-for": "203.0.113.51" })).status).toBe(200);
  });

  it("ends the browser's earlier session when it signs in again; other browsers stay signed in", async () => {
    const first = tokenOf(await signIn("eng@example.com", PASSWORD, { [PEER_ADDRESS_HEADER]: "198.51.100.20" }));
    const otherBrowser = tokenOf(await signIn("eng@example.com", PASSWORD, { [PEER_ADDRESS_HEADER]: "198.51.100.21" }));
    const second = tokenOf(await signIn("eng@example.com", PASSWORD, { [PEER_ADDRESS_HEADER]: "198.51.100.20", cookie: `${SESSION_COOKIE}=${first}` }));
    expect(await userOf(first)).toBeNull();
    expect(await userOf(second)).toBe("eng@example.com");
    expect(await userOf(otherBrowser)).toBe("eng@example.com");
  });

  it("refuses JSON sent as text/plain (what another site's page can send without asking) with 415", async () => {
    const response = await signIn("eng@example.com", PASSWORD, { "content-type": "text/plain;charset=UTF-8" });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatch(/Content-Type: application\/json/);
  });

  it("answers a malformed escape in the session cookie as no session (401 where one is needed), not 500", async () => {
    const cookie = `${SESSION_COOKIE}=%E0%A4%A; other=%`;
    const me = await meRoute(new Request("http://netriage.example/api/auth/me", { headers: { cookie } }));
    expect([me.status, (await me.json()).user]).toEqual([200, null]);
    const sessions = await listSessionsRoute(new Request("http://netriage.example/api/sessions", { headers: { cookie } }));
    expect([sessions.status, await sessions.json()]).toEqual([401, { error: "sign in first" }]);
  });
});

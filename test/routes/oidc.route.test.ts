// GET /api/auth/oidc/start and /callback: where the browser goes after single sign-on.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { SESSION_COOKIE } from "@/lib/auth/access";
import { decodePending, PENDING_COOKIE } from "@/lib/auth/oidc";
import { GET as meRoute } from "@/app/api/auth/me/route";
import { GET as callbackRoute } from "@/app/api/auth/oidc/callback/route";
import { GET as startRoute } from "@/app/api/auth/oidc/start/route";
import { startTestProvider, type TestProvider } from "@/test/auth/oidc-provider";
import { useAppDatabase } from "@/test/db/databases";

// These tests talk to a provider on 127.0.0.1: undo the setup's network ban.
vi.unstubAllGlobals();

const ORIGIN = "http://netriage.test";
const cookieValue = (response: Response, name: string) => new RegExp(`(?:^|, )${name}=([^;]*)`).exec(response.headers.get("set-cookie") ?? "")?.[1] ?? "";

describe("single sign-on routes", () => {
  let provider: TestProvider;
  const saved = { ...process.env };
  beforeAll(async () => {
    await useAppDatabase("sqlite");
    provider = await startTestProvider();
    Object.assign(process.env, {
      NETRIAGE_OIDC_ISSUER: provider.issuer,
      NETRIAGE_OIDC_CLIENT_ID: provider.clientId,
      NETRIAGE_OIDC_CLIENT_SECRET: provider.clientSecret,
      NETRIAGE_OIDC_ALLOW_HTTP: "true",
    });
  });
  afterAll(async () => {
    await provider.close();
    for (const name of ["NETRIAGE_OIDC_ISSUER", "NETRIAGE_OIDC_CLIENT_ID", "NETRIAGE_OIDC_CLIENT_SECRET", "NETRIAGE_OIDC_ALLOW_HTTP"]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  /** Start (with `next` and the browser's cookie), the provider, then the callback: the callback's answer. */
  async function signOn(next: string, cookie = ""): Promise<{ pendingNext: string; callback: Response }> {
    const start = await startRoute(new Request(`${ORIGIN}/api/auth/oidc/start?next=${encodeURIComponent(next)}`, { headers: { host: "netriage.test" } }));
    expect(start.status).toBe(302);
    const pending = cookieValue(start, PENDING_COOKIE);
    const atProvider = await fetch(start.headers.get("location")!, { redirect: "manual" });
    const back = new URL(atProvider.headers.get("location")!);
    const callback = await callbackRoute(
      new Request(`${ORIGIN}${back.pathname}${back.search}`, { headers: { host: "netriage.test", cookie: `${PENDING_COOKIE}=${pending}; ${cookie}` } }),
    );
    return { pendingNext: decodePending(pending)!.next, callback };
  }

  it.each(["/\t/evil.example/", "/\n/evil.example/", "//evil.example/", "/\\evil.example/", "https://evil.example/"])(
    "sends the browser to /triage, not off the site, for next=%j",
    async (next) => {
      const { pendingNext, callback } = await signOn(next);
      expect(pendingNext).toBe("/triage");
      expect([callback.status, callback.headers.get("location")]).toEqual([302, "/triage"]);
    },
  );

  it("goes on to a path on this site, and ends the session the browser had", async () => {
    const first = cookieValue((await signOn("/train")).callback, SESSION_COOKIE);
    const { callback } = await signOn("/triage/abc?x=1", `${SESSION_COOKIE}=${first}`);
    expect(callback.headers.get("location")).toBe("/triage/abc?x=1");
    const me = async (token: string) =>
      (await (await meRoute(new Request(`${ORIGIN}/api/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } }))).json()).user?.email ?? null;
    expect(await me(first)).toBeNull();
    expect(await me(cookieValue(callback, SESSION_COOKIE))).toBe("sso.user@example.com");
  });
});

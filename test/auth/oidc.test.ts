import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { resolveViewer } from "@/lib/auth/access";
import { createUser } from "@/lib/auth/accounts";
import { beginSignOn, completeSignOn, decodePending, encodePending, type OidcSettings } from "@/lib/auth/oidc";
import type { PrismaClient } from "@/generated/prisma/client";
import { startTestProvider, type TestProvider } from "@/test/auth/oidc-provider";
import { backends, createTestPrisma } from "@/test/db/databases";

// These tests talk to a provider on 127.0.0.1: undo the setup's network ban.
vi.unstubAllGlobals();

const CALLBACK = "http://netriage.test/api/auth/oidc/callback";

describe.each(backends)("single sign-on (OpenID Connect) on %s", (dialect) => {
  let prisma: PrismaClient;
  let provider: TestProvider;
  let settings: OidcSettings;
  beforeAll(async () => {
    prisma = await createTestPrisma(dialect);
    provider = await startTestProvider();
    settings = {
      NETRIAGE_OIDC_ISSUER: provider.issuer,
      NETRIAGE_OIDC_CLIENT_ID: provider.clientId,
      NETRIAGE_OIDC_CLIENT_SECRET: provider.clientSecret,
      NETRIAGE_OIDC_ROLE: "engineer",
      NETRIAGE_OIDC_ALLOW_HTTP: true,
    };
  });
  afterAll(async () => {
    await provider.close();
    await prisma.$disconnect();
  });

  /** The browser's round trip: to the provider's authorization URL and back to our callback URL. */
  async function visitProvider(url: URL): Promise<URL> {
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(302);
    return new URL(response.headers.get("location")!);
  }

  it("creates the account at the first sign-on with the configured role, and signs it in", async () => {
    provider.user = { email: "New.Hire@Example.com", name: "New Hire", emailVerified: true };
    const { url, pending } = await beginSignOn(settings, CALLBACK, "/triage/abc");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(decodePending(encodePending(pending))).toEqual(pending);
    const signedIn = await completeSignOn(prisma, settings, await visitProvider(url), pending);
    expect(signedIn.user).toMatchObject({ email: "new.hire@example.com", name: "New Hire", role: "engineer" });
    expect((await resolveViewer(prisma, signedIn.token, { NETRIAGE_AUTH: "auto", NETRIAGE_PUBLIC_LIBRARY: true, NETRIAGE_PROXY_HOPS: 0 })).user?.email).toBe(
      "new.hire@example.com",
    );
  });

  it("signs an existing account in by email, keeping its role", async () => {
    await createUser(prisma, { email: "lead@example.com", role: "trainer", password: "correct horse battery" });
    provider.user = { email: "lead@example.com", name: "Lead", emailVerified: true };
    const { url, pending } = await beginSignOn(settings, CALLBACK, "/");
    expect((await completeSignOn(prisma, settings, await visitProvider(url), pending)).user.role).toBe("trainer");
  });

  it("refuses a callback whose state is not the one this browser started with (401)", async () => {
    const { url, pending } = await beginSignOn(settings, CALLBACK, "/");
    const callback = await visitProvider(url);
    await expect(completeSignOn(prisma, settings, callback, { ...pending, state: "forged" })).rejects.toMatchObject({ status: 401 });
  });

  it("refuses an unverified email (401) and a missing configuration (404)", async () => {
    provider.user = { email: "unverified@example.com", name: "", emailVerified: false };
    const { url, pending } = await beginSignOn(settings, CALLBACK, "/");
    await expect(completeSignOn(prisma, settings, await visitProvider(url), pending)).rejects.toMatchObject({ status: 401, message: /no verified email/ });
    await expect(beginSignOn({ ...settings, NETRIAGE_OIDC_ISSUER: undefined }, CALLBACK, "/")).rejects.toMatchObject({ status: 404 });
  });

  it("reads no pending sign-on from a cookie that is not ours", () => {
    expect(decodePending(undefined)).toBeNull();
    expect(decodePending("not-base64-json")).toBeNull();
    expect(decodePending(Buffer.from('{"state":""}').toString("base64url"))).toBeNull();
  });
});

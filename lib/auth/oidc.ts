// Single sign-on through an OpenID Connect provider (openid-client): authorization code flow with
// PKCE, state and nonce. The first sign-on of an email creates its account with NETRIAGE_OIDC_ROLE;
// an existing account (by email) keeps its role. Either way the browser gets a normal session.
import * as client from "openid-client";
import { z } from "zod";

import type { PrismaClient } from "@/generated/prisma/client";

import type { Env } from "../env";
import { AppError } from "../http/errors";
import { UNUSABLE_HASH } from "./password";
import { openSession, type SignedIn } from "./sign-in";

export type OidcSettings = Pick<
  Env,
  "NETRIAGE_OIDC_ISSUER" | "NETRIAGE_OIDC_CLIENT_ID" | "NETRIAGE_OIDC_CLIENT_SECRET" | "NETRIAGE_OIDC_ROLE" | "NETRIAGE_OIDC_ALLOW_HTTP"
>;

/** What the browser carries (in a short-lived HTTP-only cookie) from the redirect to the callback. */
const pendingSignOnSchema = z.object({ state: z.string().min(1), nonce: z.string().min(1), verifier: z.string().min(1), next: z.string() });
export type PendingSignOn = z.infer<typeof pendingSignOnSchema>;

export const PENDING_COOKIE = "netriage_oidc";

export function encodePending(pending: PendingSignOn): string {
  return Buffer.from(JSON.stringify(pending)).toString("base64url");
}

/** The pending sign-on from its cookie value; null when missing or not ours. */
export function decodePending(value: string | undefined): PendingSignOn | null {
  if (!value) return null;
  try {
    return pendingSignOnSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8"))).data ?? null;
  } catch {
    return null;
  }
}

export function oidcEnabled(settings: OidcSettings): boolean {
  return Boolean(settings.NETRIAGE_OIDC_ISSUER && settings.NETRIAGE_OIDC_CLIENT_ID);
}

// The provider's metadata is public and the same for every instance: discovered once per process.
const discovered = new Map<string, Promise<client.Configuration>>();

function configuration(settings: OidcSettings): Promise<client.Configuration> {
  if (!oidcEnabled(settings)) throw new AppError(404, "single sign-on is not configured (NETRIAGE_OIDC_ISSUER, NETRIAGE_OIDC_CLIENT_ID)");
  const key = `${settings.NETRIAGE_OIDC_ISSUER} ${settings.NETRIAGE_OIDC_CLIENT_ID}`;
  let config = discovered.get(key);
  if (!config) {
    const options = settings.NETRIAGE_OIDC_ALLOW_HTTP ? { execute: [client.allowInsecureRequests] } : undefined;
    config = client.discovery(
      new URL(settings.NETRIAGE_OIDC_ISSUER!),
      settings.NETRIAGE_OIDC_CLIENT_ID!,
      settings.NETRIAGE_OIDC_CLIENT_SECRET,
      undefined,
      options,
    );
    config.catch(() => discovered.delete(key));
    discovered.set(key, config);
  }
  return config;
}

/** The provider's authorization URL to send the browser to, and what to remember until it returns. */
export async function beginSignOn(settings: OidcSettings, redirectUri: string, next: string): Promise<{ url: URL; pending: PendingSignOn }> {
  const config = await configuration(settings);
  const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url, pending };
}

/**
 * Trades the callback's code for tokens (checking state, nonce and PKCE), then signs the user in,
 * ending the session this browser had (`replacing`). Throws AppError 401 when the provider's answer
 * does not check out or names no verified email, and 403 for a disabled account.
 */
export async function completeSignOn(
  prisma: PrismaClient,
  settings: OidcSettings,
  callbackUrl: URL,
  pending: PendingSignOn,
  replacing?: string,
): Promise<SignedIn> {
  const config = await configuration(settings);
  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    throw new AppError(401, `single sign-on failed: ${(error as Error).message}`);
  }
  const email = typeof claims?.email === "string" ? claims.email.toLowerCase() : "";
  if (!email || claims?.email_verified === false) throw new AppError(401, "single sign-on failed: the provider gave no verified email");
  const name = typeof claims?.name === "string" ? claims.name.slice(0, 100) : "";
  const user =
    (await prisma.user.findUnique({ where: { email } })) ??
    (await prisma.user.create({ data: { email, name, role: settings.NETRIAGE_OIDC_ROLE, passwordHash: UNUSABLE_HASH } }));
  if (user.disabledAt) throw new AppError(403, "this account is disabled");
  return { user, ...(await openSession(prisma, user, { replacing })) };
}

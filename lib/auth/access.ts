// Who is asking, and what they may do. With no account in the database (one engineer on a laptop)
// sign-in is off and everyone may do everything; once an account exists (or NETRIAGE_AUTH=required)
// saved sessions, training and accounts need a signed-in user with the right role.
import type { PrismaClient } from "@/generated/prisma/client";

import type { Env } from "../env";
import { AppError } from "../http/errors";
import { PEER_ADDRESS_HEADER } from "../http/peer-address";
import { publicOrigin } from "../http/public-origin";
import { hasAccounts, toAccount, type Account } from "./accounts";
import { hasRole, type Role } from "./roles";
import { findSessionUser } from "./sign-in";

export const SESSION_COOKIE = "netriage_session";

export type AuthSettings = Pick<Env, "NETRIAGE_AUTH" | "NETRIAGE_PUBLIC_LIBRARY" | "NETRIAGE_PROXY_HOPS">;

export type Viewer = { user: Account | null; signInRequired: boolean };

// Accounts are created, rarely all removed: once seen, "sign-in required" is remembered per database.
const knownToHaveAccounts = new WeakSet<PrismaClient>();

async function signInRequired(prisma: PrismaClient, settings: AuthSettings): Promise<boolean> {
  if (settings.NETRIAGE_AUTH === "required" || knownToHaveAccounts.has(prisma)) return true;
  if (!(await hasAccounts(prisma))) return false;
  knownToHaveAccounts.add(prisma);
  return true;
}

export async function resolveViewer(prisma: PrismaClient, token: string | undefined, settings: AuthSettings): Promise<Viewer> {
  const required = await signInRequired(prisma, settings);
  const user = required && token ? await findSessionUser(prisma, token) : null;
  return { user: user && toAccount(user), signInRequired: required };
}

export function viewerFromRequest(prisma: PrismaClient, request: Request, settings: AuthSettings): Promise<Viewer> {
  return resolveViewer(prisma, readCookie(request.headers.get("cookie"), SESSION_COOKIE), settings);
}

/**
 * The signed-in user when sign-in is on (null when it is off: the one local user may do anything).
 * Throws AppError 401 when nobody is signed in and 403 when the user's role is below `role`.
 */
export function requireUser(viewer: Viewer, role: Role = "engineer"): Account | null {
  if (!viewer.signInRequired) return null;
  if (!viewer.user) throw new AppError(401, "sign in first");
  if (!hasRole(viewer.user.role, role)) throw new AppError(403, `this needs the ${role} role; you are ${viewer.user.role}`);
  return viewer.user;
}

/**
 * The one place that decides whether cases, causes, search and diagnosis are open to anonymous
 * readers (NETRIAGE_PUBLIC_LIBRARY, default true). Pages, the API, proxy.ts and the server's page
 * cache all ask here.
 */
export function isLibraryPublic(settings: Pick<AuthSettings, "NETRIAGE_PUBLIC_LIBRARY">): boolean {
  return settings.NETRIAGE_PUBLIC_LIBRARY;
}

/** Cases, causes and search: open to all unless the library is private. */
export function requireLibraryReader(viewer: Viewer, settings: AuthSettings): void {
  if (!isLibraryPublic(settings)) requireUser(viewer);
}

export type SessionOwnership = { createdById: string | null; shared: boolean };

/** Creator, admins, and everyone for a shared session or one saved before sign-in was on. */
export function canOpenSession(viewer: Viewer, session: SessionOwnership): boolean {
  if (!viewer.signInRequired) return true;
  const user = viewer.user;
  if (!user) return false;
  return session.shared || session.createdById === null || session.createdById === user.id || hasRole(user.role, "admin");
}

/**
 * One cookie's value from a Cookie header, as sent: our cookies hold base64url only, so nothing is
 * percent-decoded (a malformed escape in any cookie is then just a value that matches nothing).
 */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** HTTP-only, SameSite=Lax, Secure when the browser reaches us over HTTPS (directly or through a proxy). */
export function httpOnlyCookie(request: Request, name: string, value: string, { path = "/", maxAgeSeconds }: { path?: string; maxAgeSeconds: number }): string {
  const secure = publicOrigin(request).startsWith("https:");
  return [`${name}=${value}`, `Path=${path}`, "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`, ...(secure ? ["Secure"] : [])].join("; ");
}

/** The sign-in cookie; an empty token with a null expiry clears it. */
export function sessionCookie(request: Request, token: string, expiresAt: Date | null): string {
  const maxAgeSeconds = expiresAt ? Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000)) : 0;
  return httpOnlyCookie(request, SESSION_COOKIE, token, { maxAgeSeconds });
}

let warnedNoPeerAddress = false;

/**
 * The client's address for rate limits. With no proxy (NETRIAGE_PROXY_HOPS=0) the TCP peer's. Behind
 * N proxies, the Nth X-Forwarded-For entry from the right: the address our outermost proxy saw.
 * Entries further left are whatever the client claimed and are never used; with fewer than N
 * entries, the peer's address.
 */
export function clientAddress(request: Request, settings: Pick<Env, "NETRIAGE_PROXY_HOPS">): string {
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let peer = request.headers.get(PEER_ADDRESS_HEADER);
  if (!peer) {
    // Not served by our server (next dev): the framework puts the socket's address last when the client sent none.
    if (!warnedNoPeerAddress) console.warn(`no ${PEER_ADDRESS_HEADER} header: rate limits fall back to X-Forwarded-For`);
    warnedNoPeerAddress = true;
    peer = forwarded.at(-1) ?? "unknown";
  }
  const hops = settings.NETRIAGE_PROXY_HOPS;
  return hops > 0 && forwarded.length >= hops ? forwarded[forwarded.length - hops] : peer;
}

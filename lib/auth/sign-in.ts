// Sign-in sessions live in the database, so every app instance knows every signed-in browser, and
// failed attempts are counted there too, so the rate limit holds across instances.
import { createHash, randomBytes } from "node:crypto";

import type { PrismaClient, User } from "@/generated/prisma/client";

import { AppError } from "../http/errors";
import { hashPassword, UNUSABLE_HASH, verifyPassword } from "./password";
import type { ChangePasswordInput, SignInInput } from "./schemas";

export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed per account, and per client address, within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type SignedIn = { user: User; token: string; expiresAt: Date };

/**
 * Checks the password and opens a session, ending the one this browser had (`replacing`, its old
 * token) if any. Throws AppError 429 (with the wait in seconds) once an account or an address has
 * too many recent failures, and 401 for a wrong email or password (the same message and about the
 * same time either way).
 */
export async function signIn(
  prisma: PrismaClient,
  { email, password }: SignInInput,
  address: string,
  { now = new Date(), replacing }: { now?: Date; replacing?: string } = {},
): Promise<SignedIn> {
  await refuseWhileThrottled(prisma, email, address, now);
  const user = await prisma.user.findUnique({ where: { email } });
  const matches = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH);
  if (!user || !matches || user.disabledAt) {
    await recordFailure(prisma, email, address, now);
    throw new AppError(401, "email or password is wrong");
  }
  await prisma.signInFailure.deleteMany({ where: { email } });
  return { user, ...(await openSession(prisma, user, { now, replacing })) };
}

/**
 * Changes the signed-in user's password after checking the current one (a wrong one counts as a
 * failed sign-in, so the same limit holds), and signs out every other session of theirs.
 */
export async function changePassword(
  prisma: PrismaClient,
  token: string,
  { current, password }: ChangePasswordInput,
  address: string,
  now = new Date(),
): Promise<void> {
  const user = await findSessionUser(prisma, token, now);
  if (!user) throw new AppError(401, "sign in first");
  if (user.passwordHash === UNUSABLE_HASH) throw new AppError(422, "current: this account signs in through single sign-on and has no password here");
  await refuseWhileThrottled(prisma, user.email, address, now);
  if (!(await verifyPassword(current, user.passwordHash))) {
    await recordFailure(prisma, user.email, address, now);
    throw new AppError(422, "current: that is not your current password");
  }
  await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  await prisma.authSession.deleteMany({ where: { userId: user.id, id: { not: hashToken(token) } } });
}

/** Throws AppError 429 (with the wait in seconds) once the account or the address has too many recent failures. */
async function refuseWhileThrottled(prisma: PrismaClient, email: string, address: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    prisma.signInFailure.findMany({ where: { email, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    prisma.signInFailure.findMany({ where: { address, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const retryAfter = Math.max(secondsUntilAllowed(byAccount, MAX_FAILURES_PER_ACCOUNT, now), secondsUntilAllowed(byAddress, MAX_FAILURES_PER_ADDRESS, now));
  if (retryAfter > 0) {
    throw new AppError(429, `too many failed sign-ins: try again in ${Math.ceil(retryAfter / 60)} minute(s)`, { "retry-after": String(retryAfter) });
  }
}

async function recordFailure(prisma: PrismaClient, email: string, address: string, now: Date): Promise<void> {
  await prisma.signInFailure.create({ data: { email, address, createdAt: now } });
  await prisma.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - FAILURE_WINDOW_MS) } } });
}

/** 0 while under the limit; else the seconds until the oldest counted failure leaves the window. */
function secondsUntilAllowed(failures: { createdAt: Date }[], limit: number, now: Date): number {
  if (failures.length < limit) return 0;
  const oldestCounted = failures[failures.length - limit].createdAt.getTime();
  return Math.max(1, Math.ceil((oldestCounted + FAILURE_WINDOW_MS - now.getTime()) / 1000));
}

/**
 * A new session for the user: the cookie token (shown once) and when it expires. Signing in again
 * in a browser ends the session it had: `replacing` is that browser's previous token, whoever's it was.
 */
export async function openSession(
  prisma: PrismaClient,
  user: User,
  { now = new Date(), replacing }: { now?: Date; replacing?: string } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await prisma.authSession.create({ data: { id: hashToken(token), userId: user.id, expiresAt, createdAt: now } });
  if (replacing) await signOut(prisma, replacing);
  return { token, expiresAt };
}

/** The user a session token belongs to; null when unknown, expired or the account is disabled. */
export async function findSessionUser(prisma: PrismaClient, token: string, now = new Date()): Promise<User | null> {
  const session = await prisma.authSession.findUnique({ where: { id: hashToken(token) }, include: { user: true } });
  if (!session || session.expiresAt <= now || session.user.disabledAt) return null;
  return session.user;
}

export async function signOut(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.authSession.deleteMany({ where: { id: hashToken(token) } });
}

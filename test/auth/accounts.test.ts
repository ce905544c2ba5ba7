import { beforeAll, describe, expect, it } from "vitest";

import { resolveViewer, type Viewer } from "@/lib/auth/access";
import { createUser, updateUser, type Account } from "@/lib/auth/accounts";
import { UNUSABLE_HASH } from "@/lib/auth/password";
import { changePassword, FAILURE_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, openSession, signIn, signOut } from "@/lib/auth/sign-in";
import { createSession, getSession, listAudit, listSessions, updateSession } from "@/lib/sessions/repository";
import type { PrismaClient } from "@/generated/prisma/client";
import { backends, createTestPrisma } from "@/test/db/databases";

const settings = { NETRIAGE_AUTH: "auto", NETRIAGE_PUBLIC_LIBRARY: true, NETRIAGE_PROXY_HOPS: 0 } as const;
const PASSWORD = "correct horse battery";
const viewerOf = (user: Account): Viewer => ({ user, signInRequired: true });

describe.each(backends)("accounts and sign-in on %s", (dialect) => {
  let prisma: PrismaClient;
  let engineer: Account;
  let other: Account;
  let admin: Account;
  beforeAll(async () => {
    prisma = await createTestPrisma(dialect);
    expect((await resolveViewer(prisma, undefined, settings)).signInRequired).toBe(false);
    engineer = await createUser(prisma, { email: "Mei@Example.com", role: "engineer", password: PASSWORD });
    other = await createUser(prisma, { email: "bo@example.com", role: "engineer", password: PASSWORD });
    admin = await createUser(prisma, { email: "root@example.com", role: "admin", password: PASSWORD });
  });

  it("turns sign-in on once an account exists, and knows the user by the session cookie until sign-out", async () => {
    const { token } = await signIn(prisma, { email: "mei@example.com", password: PASSWORD }, "10.0.0.1");
    expect(await resolveViewer(prisma, token, settings)).toEqual({ user: engineer, signInRequired: true });
    expect(await resolveViewer(prisma, "forged", settings)).toEqual({ user: null, signInRequired: true });
    await signOut(prisma, token);
    expect((await resolveViewer(prisma, token, settings)).user).toBeNull();
  });

  it("refuses a wrong password with 401, then rate-limits the account with 429 until the window passes", async () => {
    const start = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(signIn(prisma, { email: "bo@example.com", password: "guess" }, `10.0.1.${i}`, { now: start })).rejects.toMatchObject({ status: 401 });
    }
    // Even the right password waits: the limit is per account, whatever the address.
    const limited = signIn(prisma, { email: "bo@example.com", password: PASSWORD }, "10.0.2.1", { now: new Date(start.getTime() + 1000) });
    await expect(limited).rejects.toMatchObject({ status: 429, headers: { "retry-after": String(FAILURE_WINDOW_MS / 1000 - 1) } });
    const later = await signIn(prisma, { email: "bo@example.com", password: PASSWORD }, "10.0.2.1", { now: new Date(start.getTime() + FAILURE_WINDOW_MS + 1) });
    expect(later.user.id).toBe(other.id);
  });

  it("rate-limits one address guessing across many accounts", async () => {
    const start = new Date("2026-11-23T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await expect(signIn(prisma, { email: `guess${i}@example.com`, password: "x" }, "203.0.113.9", { now: start })).rejects.toMatchObject({ status: 401 });
    }
    await expect(signIn(prisma, { email: "mei@example.com", password: PASSWORD }, "203.0.113.9", { now: start })).rejects.toMatchObject({ status: 429 });
    expect((await signIn(prisma, { email: "mei@example.com", password: PASSWORD }, "198.51.100.1", { now: start })).user.id).toBe(engineer.id);
  });

  it("answers an unknown email like a wrong password", async () => {
    await expect(signIn(prisma, { email: "nobody@example.com", password: PASSWORD }, "10.0.3.1")).rejects.toMatchObject({
      status: 401,
      message: "email or password is wrong",
    });
  });

  it("signs a disabled account out everywhere and refuses it", async () => {
    const user = await createUser(prisma, { email: "gone@example.com", role: "engineer", password: PASSWORD });
    const { token } = await signIn(prisma, { email: "gone@example.com", password: PASSWORD }, "10.0.4.1");
    await updateUser(prisma, user.id, { disabled: true });
    expect((await resolveViewer(prisma, token, settings)).user).toBeNull();
    await expect(signIn(prisma, { email: "gone@example.com", password: PASSWORD }, "10.0.4.1")).rejects.toMatchObject({ status: 401 });
  });

  it("changes a user's own password after checking the current one, keeping this session and ending the others", async () => {
    await createUser(prisma, { email: "rotate@example.com", role: "engineer", password: PASSWORD });
    const here = await signIn(prisma, { email: "rotate@example.com", password: PASSWORD }, "10.0.6.1");
    const elsewhere = await signIn(prisma, { email: "rotate@example.com", password: PASSWORD }, "10.0.6.2");
    const next = "a brand new passphrase";
    await expect(changePassword(prisma, here.token, { current: "not it", password: next }, "10.0.6.1")).rejects.toMatchObject({
      status: 422,
      message: /^current:/,
    });
    await changePassword(prisma, here.token, { current: PASSWORD, password: next }, "10.0.6.1");
    expect((await resolveViewer(prisma, here.token, settings)).user?.email).toBe("rotate@example.com");
    expect((await resolveViewer(prisma, elsewhere.token, settings)).user).toBeNull();
    await expect(signIn(prisma, { email: "rotate@example.com", password: PASSWORD }, "10.0.6.3")).rejects.toMatchObject({ status: 401 });
    expect((await signIn(prisma, { email: "rotate@example.com", password: next }, "10.0.6.3")).user.email).toBe("rotate@example.com");
    await expect(changePassword(prisma, "forged", { current: next, password: PASSWORD }, "10.0.6.1")).rejects.toMatchObject({ status: 401 });
  });

  it("has no password to change for an account that signs in through single sign-on", async () => {
    const user = await prisma.user.create({ data: { email: "sso@example.com", name: "", role: "engineer", passwordHash: UNUSABLE_HASH } });
    const { token } = await openSession(prisma, user);
    await expect(changePassword(prisma, token, { current: "anything", password: "a brand new passphrase" }, "10.0.8.1")).rejects.toMatchObject({
      status: 422,
      message: /single sign-on/,
    });
  });

  it("counts wrong current passwords as failed sign-ins, so guessing through a stolen session is limited too", async () => {
    await createUser(prisma, { email: "guarded@example.com", role: "engineer", password: PASSWORD });
    const { token } = await signIn(prisma, { email: "guarded@example.com", password: PASSWORD }, "10.0.7.1");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(changePassword(prisma, token, { current: `guess ${i}`, password: "a brand new passphrase" }, "10.0.7.1")).rejects.toMatchObject({
        status: 422,
      });
    }
    await expect(changePassword(prisma, token, { current: PASSWORD, password: "a brand new passphrase" }, "10.0.7.1")).rejects.toMatchObject({ status: 429 });
    await expect(signIn(prisma, { email: "guarded@example.com", password: PASSWORD }, "10.0.7.2")).rejects.toMatchObject({ status: 429 });
  });

  it("refuses a second account with the same email in any case (409)", async () => {
    await expect(createUser(prisma, { email: "MEI@example.com", role: "engineer", password: PASSWORD })).rejects.toMatchObject({ status: 409 });
  });

  describe("session ownership and audit", () => {
    it("shows a private session to its creator and admins only, a shared one to everyone signed in", async () => {
      const session = await createSession(prisma, { description: "Customer IPs inside" }, viewerOf(engineer));
      expect(session.createdBy).toBe("mei@example.com");
      await expect(getSession(prisma, session.id, viewerOf(other))).rejects.toMatchObject({ status: 403 });
      expect((await listSessions(prisma, viewerOf(other))).map((s) => s.id)).not.toContain(session.id);
      expect((await getSession(prisma, session.id, viewerOf(admin))).id).toBe(session.id);

      await expect(updateSession(prisma, session.id, { version: 1, notes: "x" }, viewerOf(other))).rejects.toMatchObject({ status: 403 });
      const shared = await updateSession(prisma, session.id, { version: 1, shared: true }, viewerOf(engineer));
      expect((await listSessions(prisma, viewerOf(other))).map((s) => s.id)).toContain(session.id);
      await expect(updateSession(prisma, session.id, { version: shared.version, shared: false }, viewerOf(other))).rejects.toMatchObject({ status: 403 });
      const edited = await updateSession(prisma, session.id, { version: shared.version, notes: "checked the SG" }, viewerOf(other));
      expect(edited).toMatchObject({ updatedBy: "bo@example.com", createdBy: "mei@example.com" });
    });

    it("records who changed which fields at each version", async () => {
      const session = await createSession(prisma, { description: "DNS slow", ticketRef: "T-9" }, viewerOf(engineer));
      const v2 = await updateSession(prisma, session.id, { version: 1, notes: "n", answers: { symptom: "dns" }, ticketRef: "T-9" }, viewerOf(engineer));
      await updateSession(prisma, session.id, { version: v2.version, status: "closed" }, viewerOf(admin));
      const audit = await listAudit(prisma, session.id, viewerOf(engineer));
      expect(audit.map(({ by, action, fields, version }) => ({ by, action, fields, version }))).toEqual([
        { by: "mei@example.com", action: "created", fields: ["ticketRef", "description"], version: 1 },
        { by: "mei@example.com", action: "updated", fields: ["answers", "notes"], version: 2 },
        { by: "root@example.com", action: "updated", fields: ["status"], version: 3 },
      ]);
      await expect(listAudit(prisma, session.id, viewerOf(other))).rejects.toMatchObject({ status: 403 });
    });
  });
});

// POST /api/auth/password at the edge: who may call it, and what bad input gets back.
import { beforeAll, describe, expect, it } from "vitest";

import { SESSION_COOKIE } from "@/lib/auth/access";
import { createUser } from "@/lib/auth/accounts";
import { signIn } from "@/lib/auth/sign-in";
import { createPrisma } from "@/lib/db";
import { POST as changePasswordRoute } from "@/app/api/auth/password/route";
import { backends, useAppDatabase } from "@/test/db/databases";

const PASSWORD = "correct horse battery";
let cookie: string;

const post = (body: unknown, headers: Record<string, string> = { cookie }) =>
  changePasswordRoute(
    new Request("http://x/api/auth/password", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const errorOf = async (response: Response) => ({ status: response.status, error: (await response.json()).error as string });

describe.each(backends)("POST /api/auth/password on %s", (dialect) => {
  beforeAll(async () => {
    const prisma = createPrisma(await useAppDatabase(dialect));
    await createUser(prisma, { email: "eng@example.com", role: "engineer", password: PASSWORD });
    cookie = `${SESSION_COOKIE}=${(await signIn(prisma, { email: "eng@example.com", password: PASSWORD }, "10.0.0.1")).token}`;
    await prisma.$disconnect();
  });

  it("answers 401 without a session", async () => {
    expect((await post({ current: PASSWORD, password: "a brand new passphrase" }, {})).status).toBe(401);
  });

  it("answers 400 for malformed JSON, 413 above 16 KB, 422 naming the field", async () => {
    expect((await post("{nope")).status).toBe(400);
    expect((await post({ current: PASSWORD, password: "x".repeat(20_000) })).status).toBe(413);
    expect(await errorOf(await post({ current: PASSWORD, password: "short" }))).toEqual({
      status: 422,
      error: expect.stringMatching(/^password: at least 12 characters/),
    });
    expect(await errorOf(await post({ current: PASSWORD, password: PASSWORD }))).toEqual({
      status: 422,
      error: expect.stringMatching(/^password: choose a password other than the current one/),
    });
    expect((await errorOf(await post({ current: PASSWORD, password: "a brand new passphrase", role: "admin" }))).status).toBe(422);
  });

  it("refuses a cross-site request (CSRF) and changes the password for a same-site one", async () => {
    expect((await post({ current: PASSWORD, password: "a brand new passphrase" }, { cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ current: PASSWORD, password: "a brand new passphrase" })).status).toBe(204);
    expect((await post({ current: PASSWORD, password: "another new passphrase" })).status).toBe(422);
  });
});

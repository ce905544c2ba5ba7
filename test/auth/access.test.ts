import { describe, expect, it } from "vitest";

import { canOpenSession, clientAddress, readCookie, requireLibraryReader, requireUser, sessionCookie, type Viewer } from "@/lib/auth/access";
import type { Account } from "@/lib/auth/accounts";
import { hasRole } from "@/lib/auth/roles";
import { getPublicOrigin, readEnv } from "@/lib/env";
import { assertSameOrigin } from "@/lib/http/errors";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";

const account = (role: Account["role"], id: string = role): Account => ({ id, email: `${id}@example.com`, name: "", role, disabled: false, createdAt: "" });
const signedIn = (role: Account["role"], id?: string): Viewer => ({ user: account(role, id), signInRequired: true });
const anonymous: Viewer = { user: null, signInRequired: true };
const local: Viewer = { user: null, signInRequired: false };
const settings = { NETRIAGE_AUTH: "auto", NETRIAGE_PUBLIC_LIBRARY: true, NETRIAGE_PROXY_HOPS: 0 } as const;

describe("roles and requireUser", () => {
  it("orders roles engineer < trainer < admin", () => {
    expect(hasRole("admin", "trainer")).toBe(true);
    expect(hasRole("trainer", "engineer")).toBe(true);
    expect(hasRole("engineer", "trainer")).toBe(false);
  });

  it("answers 401 to nobody, 403 to a role too low, and lets everyone through while sign-in is off", () => {
    expect(() => requireUser(anonymous)).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => requireUser(signedIn("engineer"), "trainer")).toThrow(expect.objectContaining({ status: 403 }));
    expect(requireUser(signedIn("trainer"), "trainer")?.role).toBe("trainer");
    expect(requireUser(local, "admin")).toBeNull();
  });
});

describe("requireLibraryReader", () => {
  it("keeps the library open to anonymous readers unless NETRIAGE_PUBLIC_LIBRARY=false", () => {
    expect(() => requireLibraryReader(anonymous, settings)).not.toThrow();
    expect(() => requireLibraryReader(anonymous, { ...settings, NETRIAGE_PUBLIC_LIBRARY: false })).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => requireLibraryReader(signedIn("engineer"), { ...settings, NETRIAGE_PUBLIC_LIBRARY: false })).not.toThrow();
  });

  it("reads the settings from the environment, naming a bad variable", () => {
    expect(readEnv({ NODE_ENV: "test", NETRIAGE_PUBLIC_LIBRARY: "false" })).toMatchObject({
      NETRIAGE_PUBLIC_LIBRARY: false,
      NETRIAGE_AUTH: "auto",
      NETRIAGE_PROXY_HOPS: 0,
    });
    expect(() => readEnv({ NODE_ENV: "test", NETRIAGE_AUTH: "sometimes" })).toThrow(/NETRIAGE_AUTH/);
  });

  it("keeps the origin of NETRIAGE_PUBLIC_URL and refuses one that is not http(s)", () => {
    expect(getPublicOrigin(readEnv({ NODE_ENV: "test", NETRIAGE_PUBLIC_URL: "https://netriage.example/triage/" }))).toBe("https://netriage.example");
    expect(getPublicOrigin(readEnv({ NODE_ENV: "test" }))).toBeNull();
    expect(() => readEnv({ NODE_ENV: "test", NETRIAGE_PUBLIC_URL: "javascript:alert(1)" })).toThrow(/NETRIAGE_PUBLIC_URL/);
  });
});

describe("canOpenSession", () => {
  const mine = { createdById: "me", shared: false };
  it("opens a private session to its creator and admins only", () => {
    expect(canOpenSession(signedIn("engineer", "me"), mine)).toBe(true);
    expect(canOpenSession(signedIn("trainer", "other"), mine)).toBe(false);
    expect(canOpenSession(signedIn("admin", "boss"), mine)).toBe(true);
    expect(canOpenSession(anonymous, mine)).toBe(false);
  });

  it("opens shared sessions, and those saved before sign-in, to every signed-in user", () => {
    expect(canOpenSession(signedIn("engineer", "other"), { ...mine, shared: true })).toBe(true);
    expect(canOpenSession(signedIn("engineer", "other"), { createdById: null, shared: false })).toBe(true);
    expect(canOpenSession(anonymous, { createdById: null, shared: true })).toBe(false);
  });
});

describe("cookies", () => {
  it("reads one cookie among several", () => {
    expect(readCookie("a=1; netriage_session=abc-_9; b=2", "netriage_session")).toBe("abc-_9");
    expect(readCookie("a=%; netriage_session=%E0%A4%A", "netriage_session")).toBe("%E0%A4%A");
    expect(readCookie(null, "netriage_session")).toBeUndefined();
    expect(readCookie("netriage_sessionx=1", "netriage_session")).toBeUndefined();
  });

  it("sets the session cookie HTTP-only and SameSite, Secure behind HTTPS", () => {
    const plain = sessionCookie(new Request("http://127.0.0.1/"), "t", new Date(Date.now() + 3_600_000));
    expect(plain).toMatch(/^netriage_session=t; Path=\/; HttpOnly; SameSite=Lax; Max-Age=3600$/);
    expect(sessionCookie(new Request("http://app/", { headers: { "x-forwarded-proto": "https" } }), "t", new Date(Date.now() + 1000))).toMatch(/; Secure$/);
    expect(sessionCookie(new Request("https://app/"), "", null)).toMatch(/Max-Age=0/);
  });

  it("takes the client address from the connection without a proxy, and from the Nth X-Forwarded-For entry from the right behind N", () => {
    const request = new Request("http://x/", { headers: { [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.1" } });
    expect(clientAddress(request, settings)).toBe("10.0.0.2");
    expect(clientAddress(request, { ...settings, NETRIAGE_PROXY_HOPS: 1 })).toBe("10.0.0.1");
    expect(clientAddress(request, { ...settings, NETRIAGE_PROXY_HOPS: 2 })).toBe("203.0.113.5");
    expect(clientAddress(request, { ...settings, NETRIAGE_PROXY_HOPS: 4 })).toBe("10.0.0.2");
  });
});

describe("assertSameOrigin (CSRF)", () => {
  const post = (headers: Record<string, string>) =>
    new Request("http://netriage.example/api/sessions", { method: "POST", headers: { host: "netriage.example", ...headers } });
  it("refuses a state change sent by another site's page", () => {
    expect(() => assertSameOrigin(post({ origin: "https://evil.example" }))).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertSameOrigin(post({ "sec-fetch-site": "cross-site" }))).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertSameOrigin(post({ origin: "null" }))).toThrow(expect.objectContaining({ status: 403 }));
  });

  it("compares scheme, host and port with NETRIAGE_PUBLIC_URL when it is set", () => {
    const configured = { NETRIAGE_PUBLIC_URL: "https://netriage.example" };
    expect(() => assertSameOrigin(post({ origin: "https://netriage.example" }), configured)).not.toThrow();
    expect(() => assertSameOrigin(post({ origin: "http://netriage.example" }), configured)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertSameOrigin(post({ origin: "https://netriage.example:8443" }), configured)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertSameOrigin(post({ origin: "http://netriage.example" }), { NETRIAGE_PUBLIC_URL: undefined })).not.toThrow();
  });

  it("never takes the host to compare from X-Forwarded-Host", () => {
    const forged = post({ origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(() => assertSameOrigin(forged, { NETRIAGE_PUBLIC_URL: undefined })).toThrow(expect.objectContaining({ status: 403 }));
  });

  it("accepts our own pages, reads, and clients that are not browsers", () => {
    expect(() => assertSameOrigin(post({ origin: "http://netriage.example", "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOrigin(new Request("http://netriage.example/api/search", { headers: { origin: "https://evil.example" } }))).not.toThrow();
    expect(() => assertSameOrigin(post({}))).not.toThrow();
  });
});

import path from "node:path";

import { z } from "zod";

import { roleSchema } from "./auth/roles";
import { DEFAULT_DATABASE_URL } from "./db-url";

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  NETRIAGE_CONTENT_DIR: z.string().min(1).optional(),
  NETRIAGE_CACHE_DIR: z.string().min(1).optional(),
  /** "auto": sign-in is required once an account exists; "required": always. */
  NETRIAGE_AUTH: z.enum(["auto", "required"]).default("auto"),
  /** Whether cases, causes and search are readable without sign-in: ask isLibraryPublic() (lib/auth/access.ts). */
  NETRIAGE_PUBLIC_LIBRARY: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** The production server answers repeat requests for prerendered pages from memory (server/page-cache.ts). */
  NETRIAGE_PAGE_CACHE: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** The production server answers diagnosis and search itself (server/fast-lane.ts); "false" sends them to Next. */
  NETRIAGE_FAST_LANE: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  /** How many proxies (load balancers) sit in front of the app: which X-Forwarded-For entry is the client. */
  NETRIAGE_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** The origin browsers reach the app at (https://netriage.example.com): checked against Origin (CSRF), used for links. */
  NETRIAGE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL such as https://netriage.example.com" })
    .transform((value) => new URL(value).origin)
    .optional(),
  /** Single sign-on: the OpenID Connect issuer, and this app's client there. */
  NETRIAGE_OIDC_ISSUER: z.url().optional(),
  NETRIAGE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  NETRIAGE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The role of an account created at its first single sign-on. */
  NETRIAGE_OIDC_ROLE: roleSchema.default("engineer"),
  /** Lets the issuer be plain http:// (a test identity provider on 127.0.0.1); never in production. */
  NETRIAGE_OIDC_ALLOW_HTTP: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment (process.env by default); throws naming the bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return envSchema.parse(source);
}

/** The configured public origin (NETRIAGE_PUBLIC_URL, no trailing slash) for absolute links, or null when unset. */
export function getPublicOrigin(env: Env = readEnv()): string | null {
  return env.NETRIAGE_PUBLIC_URL ?? null;
}

export function getContentDir(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.NETRIAGE_CONTENT_DIR ?? path.join(process.cwd(), "content"));
}

export function getCacheDir(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.NETRIAGE_CACHE_DIR ?? path.join(process.cwd(), ".content-cache"));
}

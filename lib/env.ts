import path from "node:path";

import { z } from "zod";

import { DEFAULT_DATABASE_URL } from "./db-url";

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  NETRIAGE_CONTENT_DIR: z.string().min(1).optional(),
  NETRIAGE_CACHE_DIR: z.string().min(1).optional(),
  /** "auto": sign-in is required once an account exists; "required": always. */
  NETRIAGE_AUTH: z.enum(["auto", "required"]).default("auto"),
  /** Whether cases, causes and search are readable without sign-in. */
  NETRIAGE_PUBLIC_LIBRARY: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
  /** How many proxies (load balancers) sit in front of the app: which X-Forwarded-For entry is the client. */
  NETRIAGE_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = z.infer<typeof envSchema>;

/** Parses process.env once; throws naming the bad variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return envSchema.parse(source);
}

export function getContentDir(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.NETRIAGE_CONTENT_DIR ?? path.join(process.cwd(), "content"));
}

export function getCacheDir(env: Env = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.NETRIAGE_CACHE_DIR ?? path.join(process.cwd(), ".content-cache"));
}

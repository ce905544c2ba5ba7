import path from "node:path";

import { z } from "zod";

import { DEFAULT_DATABASE_URL } from "./db-url";

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  NETRIAGE_CONTENT_DIR: z.string().min(1).optional(),
  NETRIAGE_CACHE_DIR: z.string().min(1).optional(),
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

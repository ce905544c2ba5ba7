/** Embedded database file, relative to the app root (the process cwd). Gitignored. */
export const DEFAULT_DATABASE_URL = "file:./data/netriage.db";

export type DatabaseDialect = "sqlite" | "postgresql";

/** PostgreSQL for a postgres:// or postgresql:// URL, the embedded SQLite file for file: URLs. */
export function databaseDialect(url: string): DatabaseDialect {
  if (/^postgres(?:ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL: expected file:PATH or postgres://..., got "${url.slice(0, 40)}"`);
}

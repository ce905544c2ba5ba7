/** Embedded database file, relative to the app root (the process cwd). Gitignored. */
export const DEFAULT_DATABASE_URL = "file:./data/netriage.db";

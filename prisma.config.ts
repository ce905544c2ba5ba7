import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

import { DEFAULT_DATABASE_URL } from "./lib/db-url";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL }),
});

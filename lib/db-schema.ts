// The Prisma schema is written once, for SQLite (prisma/schema.prisma). The PostgreSQL schema
// (prisma/postgres/schema.prisma) is generated from it: only the datasource and the generated
// client's folder differ, since the models use no type that the two dialects spell differently.
import type { DatabaseDialect } from "./db-url";

export const SCHEMA_FILES: Record<DatabaseDialect, string> = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/postgres/schema.prisma",
};

export const MIGRATION_DIRS: Record<DatabaseDialect, string> = {
  sqlite: "prisma/migrations",
  postgresql: "prisma/postgres/migrations",
};

// Placeholder URLs keep `prisma generate` offline; the real URL comes from DATABASE_URL.
const DATASOURCES: Record<DatabaseDialect, { provider: string; url: string; output: string }> = {
  sqlite: { provider: "sqlite", url: "file:../data/netriage.db", output: "../generated/prisma" },
  postgresql: { provider: "postgresql", url: "postgresql://localhost/netriage", output: "../../generated/postgres" },
};

const GENERATED_NOTICE = "// Generated from prisma/schema.prisma by `npm run db:migration`: do not edit.\n";

/** The same schema for another dialect: datasource provider and url, and the client's output folder. */
export function schemaForDialect(schema: string, dialect: DatabaseDialect): string {
  const target = DATASOURCES[dialect];
  const body = schema
    .replace(GENERATED_NOTICE, "")
    .replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"[^"]*"/, `$1"${target.provider}"`)
    .replace(/(datasource\s+db\s*\{[^}]*?url\s*=\s*)"[^"]*"/, `$1"${target.url}"`)
    .replace(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"[^"]*"/, `$1"${target.output}"`);
  return dialect === "sqlite" ? body : GENERATED_NOTICE + body;
}

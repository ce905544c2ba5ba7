// npm run db:migrate: applies pending migrations to DATABASE_URL (the embedded SQLite file by default).
import { migrateDatabase } from "../lib/db-apply-migrations";
import { readEnv } from "../lib/env";

const url = readEnv().DATABASE_URL;
const applied = await migrateDatabase(url);
console.log(applied.length === 0 ? "database is up to date" : `applied ${applied.length} migration(s): ${applied.join(", ")}`);

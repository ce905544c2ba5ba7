// npm run user:create -- --email EMAIL --role engineer|trainer|admin [--name NAME]
// Creates an account (migrating the database first). The password is read from stdin when it is piped (echo "$PW" | npm run ...),
// otherwise a random one is generated and printed once. Exit 2 on bad arguments.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { ZodError } from "zod";

import { createUser } from "../lib/auth/accounts";
import { createUserSchema } from "../lib/auth/schemas";
import { createPrisma } from "../lib/db";
import { migrateDatabase } from "../lib/db-apply-migrations";
import { readEnv } from "../lib/env";
import { AppError, formatZodError } from "../lib/http/errors";

function fail(message: string): never {
  console.error(`user:create: ${message}\nusage: npm run user:create -- --email EMAIL --role engineer|trainer|admin [--name NAME]`);
  process.exit(2);
}

let values: { email?: string; role?: string; name?: string };
try {
  ({ values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } } }));
} catch (error) {
  fail((error as Error).message);
}
if (!values.email) fail("--email is required");
if (!values.role) fail("--role is required");

async function readPassword(): Promise<{ password: string; generated: boolean }> {
  if (process.stdin.isTTY) return { password: randomBytes(18).toString("base64url"), generated: true };
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  const password = text.split("\n")[0] ?? "";
  return password ? { password, generated: false } : { password: randomBytes(18).toString("base64url"), generated: true };
}

const { password, generated } = await readPassword();
const url = readEnv().DATABASE_URL;
await migrateDatabase(url);
const prisma = createPrisma(url);
try {
  const account = await createUser(prisma, createUserSchema.parse({ email: values.email, role: values.role, name: values.name, password }));
  console.log(`created ${account.role} ${account.email}${generated ? `\npassword: ${password}\n(shown once: hand it over safely)` : ""}`);
} catch (error) {
  if (error instanceof ZodError) fail(formatZodError(error));
  if (error instanceof AppError) fail(error.message);
  throw error;
} finally {
  await prisma.$disconnect();
}

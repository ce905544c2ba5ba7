// npm run --silent triage < ticket.json: one diagnose request on stdin, the result as JSON on stdout,
// with what the engine learns from DATABASE_URL (confirmed sessions, published in-app cases) when it
// can be read. Bad input: a message on stderr and exit code 2.
import { ZodError } from "zod";

import { closePrisma } from "../lib/db";
import { FieldError } from "../lib/field-error";
import { formatZodError } from "../lib/http/errors";
import { getLiveLearnedSet } from "../lib/library/live-knowledge";
import { diagnose } from "../lib/triage/diagnose";
import { diagnoseInputSchema, MAX_DIAGNOSE_BYTES } from "../lib/triage/diagnose-schema";
import { getTriageKnowledge } from "../lib/triage/knowledge";

function fail(message: string): never {
  process.stderr.write(`triage: ${message}\n`);
  process.exit(2);
}

const chunks: Buffer[] = [];
let size = 0;
for await (const chunk of process.stdin) {
  size += chunk.length;
  if (size > MAX_DIAGNOSE_BYTES) fail(`input is larger than the ${MAX_DIAGNOSE_BYTES / 1024 / 1024} MB limit`);
  chunks.push(chunk);
}

let body: unknown;
try {
  body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
} catch (error) {
  fail(`stdin is not valid JSON: ${(error as Error).message}`);
}

try {
  const input = diagnoseInputSchema.parse(body);
  const learned = await getLiveLearnedSet();
  await closePrisma();
  const result = diagnose(input, getTriageKnowledge(learned));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  if (error instanceof ZodError) fail(formatZodError(error));
  if (error instanceof FieldError) fail(`${error.path}: ${error.message}`);
  throw error;
}

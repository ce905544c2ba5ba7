// The replay fixture: confirmed sessions from sessions.json, written into a migrated database.
import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

import { rootCauseIdSchema } from "@/lib/content/schema";
import { createPrisma } from "@/lib/db";
import type { DatabaseDialect } from "@/lib/db-url";
import { shownDiagnosisSchema } from "@/lib/sessions/shown-diagnosis";
import { diagnoseInputSchema } from "@/lib/triage/diagnose-schema";
import { createMigratedDatabase } from "@/test/db/databases";

const fixtureSchema = z.object({
  description: z.string(),
  sessions: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9]+$/),
      title: z.string(),
      description: z.string(),
      outputs: diagnoseInputSchema.shape.outputs.unwrap(),
      answers: z.record(z.string(), z.string()),
      confirmedCause: rootCauseIdSchema,
      shownDiagnosis: shownDiagnosisSchema,
      createdAt: z.iso.datetime(),
      confirmedAt: z.iso.datetime(),
    }),
  ),
});

export const REPLAY_FIXTURE = path.join(import.meta.dirname, "sessions.json");
export const REPLAY_EXPECTATION = path.join(import.meta.dirname, "expected.json");

export const readReplayFixture = () => fixtureSchema.parse(JSON.parse(fs.readFileSync(REPLAY_FIXTURE, "utf8"))).sessions;

/** Writes the fixture's sessions, confirmed, into the database at `url`. */
export async function writeReplayFixture(url: string): Promise<void> {
  const prisma = createPrisma(url);
  try {
    await prisma.triageSession.createMany({
      data: readReplayFixture().map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        outputs: JSON.stringify(s.outputs),
        answers: JSON.stringify(s.answers),
        status: "confirmed",
        confirmedCause: s.confirmedCause,
        shownDiagnosis: JSON.stringify(s.shownDiagnosis),
        createdAt: new Date(s.createdAt),
        updatedAt: new Date(s.confirmedAt),
        confirmedAt: new Date(s.confirmedAt),
      })),
    });
  } finally {
    await prisma.$disconnect();
  }
}

/** A new migrated database of the dialect holding the fixture's confirmed sessions. */
export async function createReplayFixtureDatabase(dialect: DatabaseDialect): Promise<string> {
  const url = await createMigratedDatabase(dialect);
  await writeReplayFixture(url);
  return url;
}

// Diagnoses run in worker threads with a time budget, so a heavy paste cannot hold up other requests.
import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { FieldError } from "../../lib/field-error";
import { AppError } from "../../lib/http/errors";
import { diagnose } from "../../lib/triage/diagnose";
import { getTriageKnowledge } from "../../lib/triage/knowledge";
import type { LearnedSet } from "../../lib/triage/learned";
import { createDiagnosisPool, type DiagnosisPool, type DiagnosisPoolOptions } from "../../server/diagnosis-pool";
import { bundleDiagnosisThread } from "./thread-bundle";

/** A paste that keeps a thread busy for seconds: 2.4 million newlines (4.8 MB as JSON). */
const HEAVY_TICKET = { description: "\n".repeat(2.4 * 1024 * 1024) };
let threadScript: string;
beforeAll(async () => {
  threadScript = await bundleDiagnosisThread();
});

const TICKET = {
  description: "Pods see DNS lookups that take exactly 5 seconds, a few times a minute.",
  outputs: [{ command: "conntrack -S", text: "cpu=0 found=0 invalid=0 ignore=0 insert=0 insert_failed=12 drop=12 early_drop=0 error=0" }],
};

let pools: DiagnosisPool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
  pools = [];
});

function pool(options: Partial<DiagnosisPoolOptions> = {}): DiagnosisPool {
  const created = createDiagnosisPool({ threadScript, threads: 1, ...options });
  pools.push(created);
  return created;
}

describe("diagnosis pool", () => {
  it("answers as the engine does in this thread, and names a bad answer's field", async () => {
    const diagnoses = pool({ threads: 2 });
    expect(await diagnoses.diagnose(TICKET)).toEqual(diagnose(TICKET, getTriageKnowledge()));
    const bad = await diagnoses.diagnose({ ...TICKET, answers: { "no-such-question": "yes" } }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(FieldError);
    expect((bad as FieldError).path).toMatch(/^answers\./);
  });

  it("diagnoses with the confirmed sessions it is given, and relearns when their key changes", async () => {
    const learned: LearnedSet = {
      key: "1:2026-12-06T00:00:00.000Z",
      tickets: [{ id: "s1", cause: "dns-resolution-failure", description: "resolver walks every search domain before the real name", outputs: [] }],
      cases: [],
    };
    const diagnoses = pool();
    const withLearned = await diagnoses.diagnose(TICKET, learned);
    expect(withLearned).toEqual(diagnose(TICKET, getTriageKnowledge(learned)));
    expect(withLearned.engineVersion).not.toBe(diagnose(TICKET, getTriageKnowledge()).engineVersion);
    expect(await diagnoses.diagnose(TICKET)).toEqual(diagnose(TICKET, getTriageKnowledge()));
  });

  it("answers 503 naming the limit when a diagnosis outlasts its budget, and keeps serving", async () => {
    const diagnoses = pool({ timeLimitMs: 1_000 });
    const started = performance.now();
    const late = await diagnoses.diagnose(HEAVY_TICKET).catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(late).toBeInstanceOf(AppError);
    expect(late).toMatchObject({ status: 503, message: expect.stringContaining("within the 1 s time limit") });
    // The busy thread was stopped and replaced: once the new one has loaded, diagnoses are answered.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await diagnoses.diagnose(TICKET)).rootCauses.length).toBeGreaterThan(0);
  });

  it("refuses at once when too many diagnoses wait", async () => {
    const diagnoses = pool({ queueLimit: 1, timeLimitMs: 2_000 });
    const running = diagnoses.diagnose(HEAVY_TICKET).catch(() => undefined);
    const waiting = diagnoses.diagnose(TICKET).catch(() => undefined);
    await expect(diagnoses.diagnose(TICKET)).rejects.toMatchObject({ status: 503, message: expect.stringContaining("limit 1") });
    await Promise.all([running, waiting]);
  });
});

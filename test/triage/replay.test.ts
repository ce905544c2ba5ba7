// npm run --silent triage:replay in CI: every confirmed session of the fixture database is replayed by
// the current engine; a change that drops a session's confirmed cause out of the top three fails here
// unless test/triage/replay/expected.json is updated on purpose (UPDATE_REPLAY_EXPECTATION=1).
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { createPrisma } from "@/lib/db";
import { readConfirmedSessions } from "@/lib/sessions/confirmed";
import { foldOf, REPLAY_FOLDS, type ReplayReport } from "@/lib/triage/replay";
import { backends, ROOT } from "@/test/db/databases";
import { createReplayFixtureDatabase, readReplayFixture, REPLAY_EXPECTATION } from "@/test/triage/replay/fixture";

const run = promisify(execFile);
const expectationSchema = (value: unknown) => value as { sessions: number; top1: number; top3: number; inTop3: string[] };

async function replay(url: string): Promise<ReplayReport> {
  const { stdout } = await run("npm", ["run", "--silent", "triage:replay"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, maxBuffer: 16 << 20 });
  return JSON.parse(stdout) as ReplayReport;
}

/** Which sessions the replay puts in the top three: changed ones by their "after", the others as shown. */
function inTop3(report: ReplayReport): string[] {
  const changed = new Map(report.changed.map((c) => [c.session, c]));
  return readReplayFixture()
    .filter((s) => (changed.get(s.id)?.after ?? s.shownDiagnosis.causes.slice(0, 3)).includes(s.confirmedCause))
    .map((s) => s.id);
}

describe.each(backends)("triage:replay on a %s fixture database", (dialect) => {
  it("prints exactly the contract's JSON and loses no confirmed top-3 of the expectation", { timeout: 240_000 }, async () => {
    const url = await createReplayFixtureDatabase(dialect);
    const fixture = readReplayFixture();
    const prisma = createPrisma(url);
    const read = await readConfirmedSessions(prisma);
    await prisma.$disconnect();
    expect(read.map((s) => s.id).sort()).toEqual(fixture.map((s) => s.id).sort());

    const report = await replay(url);
    expect(Object.keys(report)).toEqual(["sessions", "top1", "top3", "changed"]);
    for (const change of report.changed) expect(Object.keys(change)).toEqual(["session", "confirmed", "before", "after"]);
    expect(report.sessions).toBe(fixture.length);
    const byId = new Map(fixture.map((s) => [s.id, s]));
    for (const change of report.changed) {
      const session = byId.get(change.session);
      expect(change.confirmed).toBe(session?.confirmedCause);
      expect(change.before).toEqual(session?.shownDiagnosis.causes.slice(0, 3));
      expect(change.after).not.toEqual(change.before);
    }

    const now = inTop3(report);
    expect(report.top3).toBeCloseTo(now.length / fixture.length, 4);
    if (process.env.UPDATE_REPLAY_EXPECTATION === "1" && dialect === "sqlite") {
      fs.writeFileSync(REPLAY_EXPECTATION, `${JSON.stringify({ sessions: report.sessions, top1: report.top1, top3: report.top3, inTop3: now }, null, 2)}\n`);
    }
    const expected = expectationSchema(JSON.parse(fs.readFileSync(REPLAY_EXPECTATION, "utf8")));
    const lost = expected.inTop3.filter((id) => !now.includes(id));
    expect(lost, `confirmed causes no longer in the top three (update ${REPLAY_EXPECTATION} on purpose if intended)`).toEqual([]);
  });
});

describe("replay folds", () => {
  it("spreads the fixture's sessions over every fold", () => {
    const folds = new Set(readReplayFixture().map((s) => foldOf(s.id)));
    expect(folds.size).toBe(REPLAY_FOLDS);
  });
});

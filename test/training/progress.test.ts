import { describe, expect, it } from "vitest";

import { accuracyByCause, accuracyByDay, summariseLearners, tally, weakestCauses, type AttemptRecord } from "@/lib/training/progress";

const at = (iso: string) => new Date(`2026-11-${iso}Z`);

function attempt(overrides: Partial<AttemptRecord>): AttemptRecord {
  return {
    id: Math.random().toString(36),
    learnerId: "ada",
    learnerName: "Ada",
    exerciseId: "t-0000000001",
    kind: "ticket",
    caseId: "some-case",
    rootCause: "mtu-mismatch",
    correct: true,
    stepCorrect: true,
    causeCorrect: true,
    lineCorrect: null,
    durationMs: 30_000,
    createdAt: at("20T10:00:00"),
    ...overrides,
  };
}

describe("tally", () => {
  it("has no accuracy without attempts", () => {
    expect(tally([])).toEqual({ attempts: 0, correct: 0, accuracy: null });
    expect(tally([attempt({}), attempt({ correct: false })])).toEqual({ attempts: 2, correct: 1, accuracy: 0.5 });
  });
});

describe("accuracyByCause", () => {
  it("groups by root cause, weakest first, with the older and newer half", () => {
    const rows = accuracyByCause([
      attempt({ rootCause: "kernel-bug", correct: false, createdAt: at("20T10:00:00") }),
      attempt({ rootCause: "kernel-bug", correct: false, createdAt: at("21T10:00:00") }),
      attempt({ rootCause: "kernel-bug", correct: true, createdAt: at("22T10:00:00") }),
      attempt({ rootCause: "kernel-bug", correct: true, createdAt: at("22T11:00:00") }),
      attempt({ rootCause: "mtu-mismatch", correct: true }),
    ]);
    expect(rows.map((r) => [r.cause, r.accuracy])).toEqual([
      ["kernel-bug", 0.5],
      ["mtu-mismatch", 1],
    ]);
    expect(rows[0]).toMatchObject({ earlier: 0, later: 1 });
    expect(rows[1]).toMatchObject({ earlier: null, later: null });
  });
});

describe("weakestCauses", () => {
  it("keeps causes with enough attempts and at least one miss", () => {
    const rows = accuracyByCause([
      attempt({ rootCause: "kernel-bug", correct: false }),
      attempt({ rootCause: "kernel-bug", correct: true }),
      attempt({ rootCause: "mtu-mismatch", correct: false }),
      attempt({ rootCause: "fd-limit-exhausted" }),
      attempt({ rootCause: "fd-limit-exhausted" }),
    ]);
    expect(weakestCauses(rows).map((r) => r.cause)).toEqual(["kernel-bug"]);
    expect(weakestCauses(rows, 1).map((r) => r.cause)).toEqual(["mtu-mismatch", "kernel-bug"]);
  });
});

describe("summariseLearners", () => {
  it("gives each learner their accuracy per part, median time, weakest cause and last activity", () => {
    const attempts = [
      attempt({ stepCorrect: false, causeCorrect: true, correct: false, durationMs: 10_000, createdAt: at("21T09:00:00"), rootCause: "kernel-bug" }),
      attempt({ durationMs: 50_000, createdAt: at("21T10:00:00") }),
      attempt({ kind: "signal", stepCorrect: null, causeCorrect: null, lineCorrect: true, durationMs: 20_000, createdAt: at("21T11:00:00") }),
      attempt({ learnerId: "bo", learnerName: "Bo", createdAt: at("22T08:00:00") }),
    ];
    const [bo, ada, cy] = summariseLearners(
      [
        { id: "ada", name: "Ada" },
        { id: "bo", name: "Bo" },
        { id: "cy", name: "Cy" },
      ],
      attempts,
    );
    expect(bo.name).toBe("Bo");
    expect(ada).toMatchObject({
      attempts: 3,
      accuracy: 2 / 3,
      stepAccuracy: 0.5,
      causeAccuracy: 1,
      lineAccuracy: 1,
      medianDurationMs: 20_000,
      weakest: "kernel-bug",
    });
    expect(ada.lastAttemptAt).toEqual(at("21T11:00:00"));
    expect(cy).toMatchObject({ attempts: 0, accuracy: null, lastAttemptAt: null, weakest: null });
  });
});

describe("accuracyByDay", () => {
  it("lists every day up to today, empty days included", () => {
    const days = accuracyByDay(
      [attempt({ createdAt: at("22T01:00:00") }), attempt({ createdAt: at("22T02:00:00"), correct: false }), attempt({ createdAt: at("01T00:00:00") })],
      at("22T12:00:00"),
      3,
    );
    expect(days).toEqual([
      { day: "2026-11-20", attempts: 0, correct: 0, accuracy: null },
      { day: "2026-11-21", attempts: 0, correct: 0, accuracy: null },
      { day: "2026-11-22", attempts: 2, correct: 1, accuracy: 0.5 },
    ]);
  });
});

import { describe, expect, it } from "vitest";

import { BOX_INTERVALS_MS, orderQueue, scheduleReview, TOP_BOX, type ReviewState } from "@/lib/training/spaced-repetition";

const now = new Date("2026-11-22T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const due = (state: ReviewState) => state.dueAt.getTime() - now.getTime();

describe("scheduleReview", () => {
  it("schedules a miss sooner than a success", () => {
    expect(due(scheduleReview(undefined, false, now))).toBeLessThan(due(scheduleReview(undefined, true, now)));
    expect(scheduleReview(undefined, false, now)).toEqual({ box: 1, dueAt: minutes(10) });
  });

  it("pushes a drill further out with each success, up to the top box", () => {
    let state: ReviewState | undefined;
    const waits: number[] = [];
    for (let i = 0; i < TOP_BOX + 2; i++) {
      state = scheduleReview(state, true, now);
      waits.push(due(state));
    }
    expect(waits.slice(0, TOP_BOX - 1)).toEqual([...waits.slice(0, TOP_BOX - 1)].sort((a, b) => a - b));
    expect(new Set(waits.slice(0, TOP_BOX - 1)).size).toBe(TOP_BOX - 1);
    expect(state).toEqual({ box: TOP_BOX, dueAt: new Date(now.getTime() + BOX_INTERVALS_MS[TOP_BOX - 1]) });
  });

  it("sends a known drill back to box 1 on a miss", () => {
    expect(scheduleReview({ box: 4, dueAt: now }, false, now).box).toBe(1);
  });
});

describe("orderQueue", () => {
  it("puts due drills first, then new ones in their order, then the rest by due date", () => {
    const reviews = new Map<string, ReviewState>([
      ["later", { box: 3, dueAt: minutes(60) }],
      ["sooner", { box: 2, dueAt: minutes(5) }],
      ["overdue-box-2", { box: 2, dueAt: minutes(-30) }],
      ["overdue-box-1", { box: 1, dueAt: minutes(-1) }],
    ]);
    const queue = orderQueue(["new-a", "later", "sooner", "overdue-box-2", "new-b", "overdue-box-1"], reviews, now);
    expect(queue.map((q) => q.id)).toEqual(["overdue-box-1", "overdue-box-2", "new-a", "new-b", "sooner", "later"]);
    expect(queue.map((q) => q.status)).toEqual(["due", "due", "new", "new", "scheduled", "scheduled"]);
  });

  it("brings a missed drill back ahead of new ones once its break is over", () => {
    const missed = scheduleReview(undefined, false, now);
    const reviews = new Map([["missed", missed]]);
    expect(orderQueue(["new", "missed"], reviews, now)[0].id).toBe("new");
    expect(orderQueue(["new", "missed"], reviews, minutes(10))[0].id).toBe("missed");
  });
});

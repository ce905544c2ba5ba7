/**
 * Leitner boxes. A new or missed drill goes to box 1 and comes back after a short break; each
 * success moves it up one box, and each box waits longer before the drill is due again.
 */
export const BOX_INTERVALS_MS = [10 * 60_000, 24 * 3_600_000, 3 * 24 * 3_600_000, 7 * 24 * 3_600_000, 21 * 24 * 3_600_000] as const;
export const TOP_BOX = BOX_INTERVALS_MS.length;

export type ReviewState = { box: number; dueAt: Date };

/** The state after an attempt at `now`; a drill never tried counts as box 1. Pure. */
export function scheduleReview(previous: ReviewState | undefined, correct: boolean, now: Date): ReviewState {
  const box = correct ? Math.min((previous?.box ?? 1) + 1, TOP_BOX) : 1;
  return { box, dueAt: new Date(now.getTime() + BOX_INTERVALS_MS[box - 1]) };
}

export type QueueStatus = "due" | "new" | "scheduled";
export type QueueItem = { id: string; status: QueueStatus; box?: number; dueAt?: Date };

/**
 * Orders drills for a learner: due reviews first (lowest box, then longest overdue), then drills
 * never tried (in the given order), then the rest by when they fall due. Pure.
 */
export function orderQueue(ids: string[], reviews: Map<string, ReviewState>, now: Date): QueueItem[] {
  const items: QueueItem[] = ids.map((id) => {
    const review = reviews.get(id);
    if (!review) return { id, status: "new" };
    return { id, status: review.dueAt.getTime() <= now.getTime() ? "due" : "scheduled", box: review.box, dueAt: review.dueAt };
  });
  const rank: Record<QueueStatus, number> = { due: 0, new: 1, scheduled: 2 };
  return items
    .map((item, order) => ({ item, order }))
    .sort(
      (a, b) =>
        rank[a.item.status] - rank[b.item.status] ||
        (a.item.status === "due" ? (a.item.box ?? 0) - (b.item.box ?? 0) : 0) ||
        (a.item.dueAt?.getTime() ?? 0) - (b.item.dueAt?.getTime() ?? 0) ||
        a.order - b.order,
    )
    .map(({ item }) => item);
}

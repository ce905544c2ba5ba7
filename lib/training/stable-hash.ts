import { createHash } from "node:crypto";

import type { Exercise } from "./exercise";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Opaque, stable drill ids: a case slug often names its cause, so it must not appear in a drill's URL. */
export function exerciseIdOf(kind: Exercise["kind"], key: string): string {
  return `${kind === "ticket" ? "t" : "s"}-${sha256(`${kind}:${key}`).slice(0, 10)}`;
}

/** A deterministic shuffle: orders items by a hash of the seed and each item's key. */
export function shuffleBy<T>(items: T[], seed: string, keyOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, rank: sha256(`${seed}:${keyOf(item)}`) }))
    .sort((a, b) => a.rank.localeCompare(b.rank))
    .map(({ item }) => item);
}

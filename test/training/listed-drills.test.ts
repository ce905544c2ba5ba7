import { describe, expect, it } from "vitest";

import { listedDrills } from "@/lib/training/drill-labels";
import type { Exercise } from "@/lib/training/exercise";

const drill = (id: string, kind: Exercise["kind"]) => ({ id, kind }) as Exercise;

describe("listedDrills", () => {
  it("lists the repository's drills and the newest in-app drills of each kind, and counts the rest", () => {
    const repository = [drill("r1", "ticket"), drill("r2", "signal")];
    const inAppOldestFirst = [1, 2, 3, 4, 5].map((n) => drill(`a${n}`, "ticket"));
    const exercises = [...repository, ...inAppOldestFirst, drill("s1", "signal"), drill("s2", "signal")];
    const known = new Map(repository.map((e) => [e.id, e]));
    const { listed, unlisted } = listedDrills(exercises, { get: (id) => known.get(id) }, 3);
    expect(listed.map((e) => e.id)).toEqual(["r1", "r2", "a3", "a4", "a5", "s1", "s2"]);
    expect(unlisted).toEqual({ ticket: 2, signal: 0 });
  });

  it("lists everything when no kind has more in-app drills than the page shows", () => {
    const exercises = [drill("a1", "ticket"), drill("s1", "signal")];
    expect(listedDrills(exercises, { get: () => undefined }, 3)).toEqual({ listed: exercises, unlisted: { ticket: 0, signal: 0 } });
  });
});

import { describe, expect, it } from "vitest";

import { diagnose } from "@/lib/triage/diagnose";

import { knowledge, resolvedCaseFixtures } from "./case-fixtures";

describe("self-consistency on the resolved seed cases", () => {
  const fixtures = resolvedCaseFixtures();

  it("ranks each case's own root cause in the top 3 for at least 90% of cases", () => {
    const misses: string[] = [];
    let top1 = 0;
    let top3 = 0;
    for (const fixture of fixtures) {
      const ranked = diagnose({ description: fixture.description, outputs: fixture.outputs }, knowledge).rootCauses.map((c) => c.id);
      const position = ranked.indexOf(fixture.cause);
      if (position === 0) top1++;
      if (position >= 0 && position < 3) top3++;
      else misses.push(`${fixture.id}: expected ${fixture.cause}, got ${ranked.slice(0, 3).join(", ")}`);
    }
    console.log(`self-consistency: ${fixtures.length} resolved cases, top-1 ${top1}, top-3 ${top3}`);
    if (misses.length > 0) console.log(`not in top 3:\n  ${misses.join("\n  ")}`);
    expect(fixtures.length).toBeGreaterThan(30);
    expect(top3 / fixtures.length).toBeGreaterThanOrEqual(0.9);
  });
});

// Accuracy on tickets written without seeing the engine's rules (test/triage/tickets/): dev.json and
// dev2.json guided the evidence rules (dev2 after it was first scored blind); holdout.json and
// holdout2.json (written after all rule changes) are only scored.
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { z } from "zod";

import { ROOT_CAUSE_IDS } from "@/lib/content/root-cause-ids";
import { diagnose } from "@/lib/triage/diagnose";

import { knowledge } from "./case-fixtures";

const rootCauseId = z.enum(ROOT_CAUSE_IDS);
const ticketSetSchema = z.object({
  tickets: z.array(
    z.object({
      id: z.string(),
      expected: rootCauseId,
      also: z.array(rootCauseId).default([]),
      lang: z.enum(["en", "zh"]),
      description: z.string(),
      outputs: z.array(z.object({ command: z.string().optional(), text: z.string() })).default([]),
    }),
  ),
});

const SETS = [
  { file: "dev.json", minTop1: 0.92, minTop3: 0.97 },
  { file: "dev2.json", minTop1: 0.83, minTop3: 0.95 },
  { file: "holdout.json", minTop1: 0.66, minTop3: 0.72 },
  { file: "holdout2.json", minTop1: 0.8, minTop3: 0.85 },
];

describe.each(SETS)("diagnose on test/triage/tickets/$file", ({ file, minTop1, minTop3 }) => {
  const { tickets } = ticketSetSchema.parse(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "tickets", file), "utf8")));

  it("covers every root cause in English and Chinese", () => {
    expect(new Set(tickets.map((t) => t.expected))).toEqual(new Set(ROOT_CAUSE_IDS));
    expect(new Set(tickets.map((t) => t.lang))).toEqual(new Set(["en", "zh"]));
  });

  it(`ranks an acceptable cause first in ${minTop1 * 100}% and in the top 3 in ${minTop3 * 100}% of tickets`, () => {
    let top1 = 0;
    let top3 = 0;
    for (const ticket of tickets) {
      const ranked = diagnose({ description: ticket.description, outputs: ticket.outputs }, knowledge).rootCauses.map((c) => c.id);
      const position = ranked.findIndex((id) => id === ticket.expected || ticket.also.includes(id));
      if (position === 0) top1++;
      if (position >= 0 && position < 3) top3++;
    }
    console.log(`${file}: ${tickets.length} tickets, top-1 ${(top1 / tickets.length).toFixed(2)}, top-3 ${(top3 / tickets.length).toFixed(2)}`);
    expect(top1 / tickets.length).toBeGreaterThanOrEqual(minTop1);
    expect(top3 / tickets.length).toBeGreaterThanOrEqual(minTop3);
  });
});

import { describe, expect, it } from "vitest";

import { distinctSignals, rankRootCauses, SINCE_BOOT_FACTOR, softmax } from "@/lib/triage/rank";

import { knowledgeWith, signal } from "./factories";

describe("rankRootCauses", () => {
  it("puts the cause a signal is characteristic of first, with that signal as evidence", () => {
    const [first] = rankRootCauses([signal("paws-passive-rejected", "3631476 passive connections rejected because of time stamp")], knowledgeWith());
    expect(first.id).toBe("tcp-tw-recycle-nat-timestamps");
    expect(first.evidence[0]).toMatchObject({
      signal: "paws-passive-rejected",
      effect: "for",
      line: "3631476 passive connections rejected because of time stamp",
      source: "output 1",
    });
  });

  it("records evidence against a cause and lowers it", () => {
    const knowledge = knowledgeWith();
    const before = rankRootCauses([signal("syn-no-synack")], knowledge).find((c) => c.id === "tcp-tw-recycle-nat-timestamps");
    const after = rankRootCauses([signal("syn-no-synack"), signal("tw-recycle-off")], knowledge).find((c) => c.id === "tcp-tw-recycle-nat-timestamps");
    expect(after!.score).toBeLessThan(before!.score);
    expect(after!.evidence.find((e) => e.signal === "tw-recycle-off")).toMatchObject({ effect: "against" });
  });

  it("weighs a counter seen once since boot at half a rise between snapshots", () => {
    const knowledge = knowledgeWith();
    const rise = rankRootCauses([signal("listen-overflows")], knowledge)[0];
    const sinceBoot = rankRootCauses([{ ...signal("listen-overflows"), sinceBoot: true }], knowledge)[0];
    expect(rise.id).toBe("accept-queue-overflow");
    expect(sinceBoot.evidence[0].weight).toBeCloseTo(rise.evidence[0].weight * SINCE_BOOT_FACTOR, 6);
    expect(sinceBoot.score).toBeLessThan(rise.score);
  });

  it("counts near-synonyms once: a group adds its strongest member", () => {
    const knowledge = knowledgeWith();
    const one = rankRootCauses([signal("syn-flood-log")], knowledge).find((c) => c.id === "syn-queue-overflow")!;
    const three = rankRootCauses([signal("syn-flood-log"), signal("syncookies-sent"), signal("drop-open-request-log")], knowledge).find(
      (c) => c.id === "syn-queue-overflow",
    )!;
    expect(three.score).toBeCloseTo(one.score, 6);
    expect(three.evidence.map((e) => e.signal)).toEqual(["syn-flood-log"]);
  });

  it("returns probabilities that sum to one, best first", () => {
    const ranked = rankRootCauses([signal("conntrack-insert-failed")], knowledgeWith());
    expect(ranked.reduce((sum, c) => sum + c.score, 0)).toBeCloseTo(1, 6);
    expect(ranked.map((c) => c.score)).toEqual([...ranked.map((c) => c.score)].sort((a, b) => b - a));
  });

  it("follows the priors when there is no evidence", () => {
    const knowledge = knowledgeWith();
    knowledge.logPriors.set("mtu-mismatch", 0);
    expect(rankRootCauses([], knowledge)[0].id).toBe("mtu-mismatch");
  });

  it("links each cause to its past cases", () => {
    expect(rankRootCauses([], knowledgeWith())[0].cases).toHaveLength(1);
  });
});

describe("distinctSignals", () => {
  it("counts an observation once, preferring the pasted output over the ticket text", () => {
    const fromText = { ...signal("conn-refused", "text line", { kind: "description" }), parser: "text" };
    const fromOutput = signal("conn-refused", "telnet: Unable to connect to remote host: Connection refused");
    expect(distinctSignals([fromText, fromOutput])).toEqual([fromOutput]);
  });
});

describe("softmax", () => {
  it("is stable for large logits", () => {
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
  });
});

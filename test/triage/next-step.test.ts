import { describe, expect, it } from "vitest";

import { rankRootCauses } from "@/lib/triage/rank";
import { chooseNextStep, commandGain, questionGain, SYMPTOM_QUESTION_ID, type StepContext } from "@/lib/triage/next-step";
import type { CommandNode, QuestionNode } from "@/lib/triage/tree-schema";

import { knowledgeWith, SAMPLE_TREE, signal } from "./factories";

function contextFor(overrides: Partial<StepContext> & { signals?: StepContext["signals"] }): StepContext {
  const knowledge = knowledgeWith([SAMPLE_TREE]);
  const signals = overrides.signals ?? [];
  return {
    trees: knowledge.trees,
    ranked: rankRootCauses(signals, knowledge),
    signals,
    answers: {},
    parsersRun: new Set(),
    commandsRun: new Set(),
    ...overrides,
  };
}

const scope = SAMPLE_TREE.nodes[0] as QuestionNode;
const counters = SAMPLE_TREE.nodes[1] as CommandNode;

describe("chooseNextStep", () => {
  it("asks for the entry symptom when the ticket says nothing", () => {
    expect(chooseNextStep(contextFor({}))).toMatchObject({ kind: "question", id: SYMPTOM_QUESTION_ID });
  });

  it("proposes a step of the chosen symptom's tree and says why", () => {
    const next = chooseNextStep(contextFor({ answers: { symptom: "cannot-connect" } }));
    expect(["scope", "counters"]).toContain(next.id);
    expect(next.why).toMatch(/Best separates/);
  });

  it("skips a question the evidence already answers", () => {
    const next = chooseNextStep(contextFor({ signals: [signal("text-some-clients", "only one client fails", { kind: "description" })] }));
    expect(next.id).toBe("counters");
    expect(next).toMatchObject({ kind: "command", command: counters.command.default, where: "server", parser: "netstat-s" });
  });

  it("skips a command whose output was pasted and one marked as skipped", () => {
    const base = { signals: [signal("syn-no-synack")], answers: { scope: "all" } };
    expect(chooseNextStep(contextFor({ ...base, parsersRun: new Set(["netstat-s"]) })).id).toBe("confirm-cause");
    expect(chooseNextStep(contextFor({ ...base, answers: { ...base.answers, counters: "skip" } })).id).toBe("confirm-cause");
  });
});

describe("chooseNextStep after the engineer rejects the leading cause", () => {
  it("proposes a remaining step instead of asking to confirm again", () => {
    // Evidence so strong that nothing left separates the leaders.
    const certain = ["paws-passive-rejected", "paws-rejects-track-listen-drops", "tw-recycle-on", "text-nat", "syn-no-synack"] as const;
    const base = { signals: certain.map((id) => signal(id)), answers: { scope: "all" } };
    expect(chooseNextStep(contextFor(base)).id).toBe("confirm-cause");
    const next = chooseNextStep(contextFor({ ...base, answers: { ...base.answers, "confirm-cause": "no" } }));
    expect(next.id).toBe("counters");
  });
});

describe("questionGain", () => {
  it("is positive when answers split the leading causes and zero when they cannot", () => {
    const ranked = rankRootCauses([signal("syn-no-synack")], knowledgeWith()).slice(0, 6);
    expect(questionGain(scope, ranked)).toBeGreaterThan(0.01);
    const blank: QuestionNode = { ...scope, answers: scope.answers.map((a) => ({ ...a, signals: [] })) };
    expect(questionGain(blank, ranked)).toBeCloseTo(0, 9);
  });
});

describe("commandGain", () => {
  it("values a command whose parser separates the leaders, and not once its signals are seen", () => {
    const ranked = rankRootCauses([signal("syn-no-synack")], knowledgeWith()).slice(0, 6);
    const gain = commandGain(counters, ranked, new Set());
    expect(gain).toBeGreaterThan(0.1);
    const seen = new Set(["paws-passive-rejected", "listen-drops", "listen-overflows", "syncookies-sent", "syn-queue-drops", "paws-rejects-track-listen-drops", "tcp-retransmits", "tcp-timeouts", "udp-rcvbuf-errors", "udp-in-errors", "tw-bucket-overflow", "tcp-wqueue-too-big"] as const);
    expect(commandGain(counters, ranked, new Set(seen))).toBeLessThan(gain);
  });
});

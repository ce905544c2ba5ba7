import { describe, expect, it } from "vitest";

import { chooseNextStep, commandGain, indexNodes, isCommandDone, questionGain, SYMPTOM_QUESTION_ID, type StepContext } from "@/lib/triage/next-step";
import { rankRootCauses } from "@/lib/triage/rank";
import type { CommandNode, QuestionNode } from "@/lib/triage/tree-schema";

import { knowledgeWith, SAMPLE_TREE, signal } from "./factories";

function contextFor(overrides: Partial<StepContext> & { signals?: StepContext["signals"] }): StepContext {
  const knowledge = knowledgeWith([SAMPLE_TREE]);
  const signals = overrides.signals ?? [];
  return {
    trees: knowledge.trees,
    lang: "en",
    ranked: rankRootCauses(signals, knowledge),
    signals,
    answers: {},
    parsersRun: new Set(),
    snapshotOnly: new Set(),
    commandsRun: new Set(),
    skippedParsers: new Set(),
    infer: () => undefined,
    facts: {},
    preconditionsOf: () => [],
    nodes: indexNodes(knowledge.trees),
    ...overrides,
  };
}

const scope = SAMPLE_TREE.nodes[0] as QuestionNode;
const counters = SAMPLE_TREE.nodes[1] as CommandNode;

describe("chooseNextStep", () => {
  it("asks for the entry symptom when the ticket says nothing", () => {
    expect(chooseNextStep(contextFor({}))).toMatchObject({ kind: "question", id: SYMPTOM_QUESTION_ID });
  });

  it("proposes a step of the chosen symptom's tree and says in words why and what each outcome means", () => {
    const next = chooseNextStep(contextFor({ answers: { symptom: "cannot-connect" } }));
    expect(["scope", "counters"]).toContain(next.id);
    expect(next.why).toMatch(/^To tell /);
    expect(next.why).not.toMatch(/bits|cost/);
    expect(next.gain).toBeGreaterThan(0.01);
  });

  it("skips a question the evidence already answers", () => {
    const next = chooseNextStep(
      contextFor({
        signals: [signal("text-some-clients", "only one client fails", { kind: "description" })],
        infer: (q) =>
          q.id === "scope" ? { questionId: "scope", value: "some", label: "Only some", line: "only one client fails", source: "description" } : undefined,
      }),
    );
    expect(next.id).toBe("counters");
    expect(next).toMatchObject({
      kind: "command",
      command: counters.command.default,
      where: "server",
      whereText: expect.stringMatching(/server/),
      parser: "netstat-s",
    });
    expect(next.outcomes?.join(" ")).toMatch(/^If /);
  });

  it("never proposes a step that separates nothing: it asks what changed instead", () => {
    const base = { signals: [signal("syn-no-synack")], answers: { scope: "all", counters: "skip" } };
    const next = chooseNextStep(contextFor(base));
    expect(next).toMatchObject({ id: "what-changed", purpose: "widen" });
  });

  it("offers to confirm a likely leader only with decisive evidence", () => {
    const circumstance = ["text-nat", "text-tw-recycle", "syn-no-synack"].map((id) => signal(id as "text-nat", id, { kind: "description" }));
    const circumstantial = chooseNextStep(contextFor({ signals: circumstance, answers: { scope: "some" } }));
    expect(circumstantial.confirms).toBeUndefined();
    const decisive = [...circumstance, { ...signal("tw-recycle-on", "net.ipv4.tcp_tw_recycle = 1"), parser: "sysctl" }];
    expect(chooseNextStep(contextFor({ signals: decisive, answers: { scope: "some" } }))).toMatchObject({
      confirms: "tcp-tw-recycle-nat-timestamps",
      purpose: "confirm",
    });
  });
});

describe("isCommandDone", () => {
  it("does not count one counter snapshot as the two-snapshot diff a step asks for", () => {
    const diff: CommandNode = { ...counters, command: { default: "netstat -s; sleep 10; netstat -s" } };
    const context = contextFor({ parsersRun: new Set(["netstat-s"]) });
    expect(isCommandDone(diff, context)).toBe(true);
    expect(isCommandDone(diff, { ...context, snapshotOnly: new Set(["netstat-s"]) })).toBe(false);
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
    const seen = new Set([
      "paws-passive-rejected",
      "listen-drops",
      "listen-overflows",
      "syncookies-sent",
      "syn-queue-drops",
      "paws-rejects-track-listen-drops",
      "tcp-retransmits",
      "tcp-timeouts",
      "udp-rcvbuf-errors",
      "udp-in-errors",
      "tw-bucket-overflow",
      "tcp-wqueue-too-big",
    ] as const);
    expect(commandGain(counters, ranked, new Set(seen))).toBeLessThan(gain);
  });
});

import { describe, expect, it } from "vitest";

import { getSectionMarkdown } from "@/lib/content/parse-entry";
import { SIGNALS } from "@/lib/evidence/vocabulary";
import { isResolvedProblem } from "@/lib/training/catalogue";
import { toPrompt, type TicketDrill, type TicketPrompt } from "@/lib/training/exercise";
import { findKeyTerms, REDACTED } from "@/lib/training/key-terms";
import { blocksToText, parseBlocks } from "@/lib/training/markdown";

import { catalogue, catalogueWith, library, syntheticCase, trees } from "./fixtures";

const tickets = catalogue.exercises.filter((e): e is TicketDrill => e.kind === "ticket");

/** Everything the learner sees before naming the cause, except the cause choices. */
/** The prompt's own text; the symptom label is the library's wording, the same for every drill from that symptom. */
function promptText(prompt: TicketPrompt): string {
  return [prompt.id, blocksToText(prompt.issue), blocksToText(prompt.environment), ...prompt.steps.map((s) => s.label)].join("\n");
}

const termsOf = (id: string) => catalogue.causeTerms.get(id as never) ?? [];

describe("ticket drills from the real library", () => {
  it("exist for every resolved problem case", () => {
    const resolved = library.cases.filter(isResolvedProblem).map((c) => c.id);
    expect(catalogue.failures).toEqual([]);
    expect(tickets.map((t) => t.caseId).sort()).toEqual(resolved.sort());
  });

  it("never name the root cause in the prompt: not its id, its title nor its key terms", () => {
    const leaks = tickets.flatMap((drill) => {
      const found = findKeyTerms(promptText(toPrompt(drill) as TicketPrompt), termsOf(drill.rootCause));
      return found.length > 0 ? [`${drill.caseId}: ${found.join(", ")}`] : [];
    });
    expect(leaks).toEqual([]);
  });

  it("name none of the other offered causes either, so a redaction does not single out the answer", () => {
    const leaks = tickets.flatMap((drill) => {
      const text = promptText(toPrompt(drill) as TicketPrompt);
      return drill.causes.flatMap((c) => findKeyTerms(text, termsOf(c.id)).map((term) => `${drill.caseId}: ${c.id}: ${term}`));
    });
    expect(leaks).toEqual([]);
  });

  it("read evidence only from what the case observed, not from the prose that explains it", () => {
    for (const drill of tickets) {
      const body = library.getCase(drill.caseId)!.body;
      const diagnosisProse = blocksToText(parseBlocks(getSectionMarkdown(body, "Diagnosis")).filter((b) => b.kind !== "code"));
      const observed = `${getSectionMarkdown(body, "Issue")}\n${getSectionMarkdown(body, "Environment")}\n${library.getCase(drill.caseId)!.frontmatter.errorStrings.join("\n")}`;
      for (const line of drill.explanation.evidence) {
        if (diagnosisProse.includes(line.line) && !observed.includes(line.line))
          expect.fail(`${drill.caseId}: "${line.line}" is explanation, not an observation`);
      }
    }
  });

  it("quote evidence lines as plain text, without Markdown", () => {
    for (const line of tickets.flatMap((d) => d.explanation.evidence)) expect(line.line).not.toMatch(/`|\*\*|^[-*] /);
  });

  it("show the symptom label whole, never redacted", () => {
    for (const drill of tickets) expect((toPrompt(drill) as TicketPrompt).symptomLabel).not.toContain(REDACTED);
    expect(tickets.some((drill) => (toPrompt(drill) as TicketPrompt).symptomLabel.includes("softirq"))).toBe(true);
  });

  it("redact the raw ticket text where it names a cause", () => {
    const redacted = tickets.filter((drill) => blocksToText([...drill.issue, ...drill.environment]).includes(REDACTED));
    console.log(`ticket drills: ${tickets.length}; ${redacted.length} needed a redaction in Issue or Environment`);
    for (const drill of redacted) {
      const body = library.getCase(drill.caseId)!.body;
      const raw = `${getSectionMarkdown(body, "Issue")}\n${getSectionMarkdown(body, "Environment")}`;
      expect(
        findKeyTerms(
          raw,
          drill.causes.flatMap((c) => termsOf(c.id)),
        ).length,
      ).toBeGreaterThan(0);
    }
  });

  it("send the page no rightness, reasoning or case identity before the answer", () => {
    const treeNodeIds = new Set(trees.flatMap((t) => t.nodes.map((n) => n.id)));
    for (const drill of tickets) {
      const prompt = toPrompt(drill) as TicketPrompt;
      expect(prompt.steps.every((s) => Object.keys(s).sort().join() === "id,kind,label")).toBe(true);
      expect(prompt.steps.filter((s) => treeNodeIds.has(s.id))).toEqual([]);
      const json = JSON.stringify(prompt);
      for (const secret of ['"right"', '"why"', '"rootCause"', '"explanation"', drill.caseId]) expect(json).not.toContain(secret);
    }
  });

  it("offer the right cause among at least three, at least one right first step and two wrong ones", () => {
    for (const drill of tickets) {
      expect(drill.causes.map((c) => c.id)).toContain(drill.rootCause);
      expect(drill.causes.length).toBeGreaterThanOrEqual(3);
      expect(drill.steps.filter((s) => s.right).length).toBeGreaterThanOrEqual(1);
      expect(drill.steps.filter((s) => !s.right).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("reveal a quoted output only when the parsers find evidence for the cause in it", () => {
    const withOutput = tickets.filter((d) => d.reveal.kind === "output");
    console.log(`ticket drills revealing a quoted output: ${withOutput.length}; revealing the diagnosis: ${tickets.length - withOutput.length}`);
    expect(withOutput.length).toBeGreaterThan(0);
    for (const drill of withOutput) expect(drill.explanation.evidence.some((e) => e.favours.some((f) => f.id === drill.rootCause))).toBe(true);
  });

  it("explain the evidence in the vocabulary's words", () => {
    for (const line of tickets.flatMap((d) => d.explanation.evidence)) expect(line.meaning).toBe(SIGNALS[line.signal]);
  });
});

describe("buildTicketDrill on a synthetic case", () => {
  const leaky = syntheticCase(
    "leaky-close-wait",
    { rootCause: "close-wait-leak", symptoms: ["requests hang"] },
    {
      Issue: "Requests to the API hang. The server shows thousands of sockets in `CLOSE_WAIT`, a CLOSE_WAIT leak for sure.",
      Environment: "A Go service on Linux behind nginx.",
      Diagnosis: "### Step 1: Count states\n\n```bash\nss -tan | awk '{print $1}' | sort | uniq -c\n```\n\nMost sockets were in CLOSE_WAIT.",
      Cause: "The handler never closed the connection.",
    },
  );
  const drill = catalogueWith(leaky).exercises.find((e) => e.kind === "ticket" && e.caseId === leaky.id) as TicketDrill;

  it("redacts the cause's key terms and title from the Issue", () => {
    const issue = blocksToText(drill.issue);
    expect(issue).toContain(REDACTED);
    expect(findKeyTerms(issue, termsOf("close-wait-leak"))).toEqual([]);
    expect(issue).toContain("Requests to the API hang.");
  });

  it("reveals the redacted Diagnosis when the case quotes no output, and says so through its kind", () => {
    expect(drill.reveal.kind).toBe("diagnosis");
    expect(drill.reveal.kind === "diagnosis" && blocksToText(drill.reveal.blocks)).toContain(`Most sockets were in ${REDACTED}.`);
  });

  it("reports why a case without Issue text cannot be a drill", () => {
    const empty = syntheticCase("no-issue", { rootCause: "mtu-mismatch" }, { Issue: "" });
    expect(catalogueWith(empty).failures).toEqual([{ caseId: "no-issue", file: "content/cases/no-issue.mdx", reason: "the Issue section is empty" }]);
  });

  it("reports a case whose Issue is nothing but the answer", () => {
    const answer = syntheticCase("all-answer", { rootCause: "mtu-mismatch" }, { Issue: "MTU mismatch." });
    expect(catalogueWith(answer).failures.map((f) => f.reason)).toEqual(["the Issue says too little once the key terms of the offered causes are redacted"]);
  });
});

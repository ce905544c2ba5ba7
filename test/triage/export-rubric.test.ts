// The exports of every resolved case's simulated walk, confirmed on the case's cause, against the
// rubric a support engineer applies before sending.
import { describe, expect, it } from "vitest";

import { parseCaseEntry } from "@/lib/content/parse-entry";
import type { TriageSessionView } from "@/lib/sessions/session-schema";
import { canDecide } from "@/lib/triage/decisive";
import { diagnose } from "@/lib/triage/diagnose";
import { buildCaseDraft, buildCustomerReply, requestedTests, slugify, toCauseForExport } from "@/lib/triage/export";
import { FILLABLE_PLACEHOLDERS, fillCommandFromTicket } from "@/lib/triage/fill-command";
import { languageOf } from "@/lib/triage/language";
import { PARSER_SIGNALS } from "@/lib/triage/parser-signals";
import { confirmQuestionId } from "@/lib/triage/walk-questions";

import { knowledge, library } from "./case-fixtures";
import { caseTickets, walk } from "./walk-simulation";

const PUBLIC_URL = "https://netriage.example.com";

function sessionOf(
  id: string,
  input: { description: string; outputs: { command?: string; text: string }[]; answers: Record<string, string> },
  cause: string,
): TriageSessionView {
  return {
    id,
    ticketRef: "",
    title: input.description.split("\n")[0].slice(0, 80),
    description: input.description,
    answers: input.answers,
    outputs: input.outputs,
    notes: "",
    status: "confirmed",
    confirmedCause: cause,
    confirmedAt: null,
    shownDiagnosis: null,
    version: 1,
    shared: false,
    createdBy: null,
    updatedBy: null,
    createdAt: "2026-12-01T00:00:00.000Z",
    updatedAt: "2026-12-01T00:00:00.000Z",
  };
}

describe("exports of every resolved case's walk", () => {
  const walks = caseTickets().map((ticket) => {
    const done = walk(ticket);
    const answers = { ...done.input.answers, [confirmQuestionId(ticket.cause)]: "yes" };
    const input = { ...done.input, answers };
    const result = diagnose(input, knowledge);
    const cause = toCauseForExport(library.getRootCause(ticket.cause)!);
    const session = sessionOf(ticket.id, input, ticket.cause);
    return {
      ticket,
      session,
      result,
      cause,
      reply: buildCustomerReply(session, result, cause, knowledge, { publicUrl: PUBLIC_URL }),
      draft: buildCaseDraft(session, result, cause),
    };
  });

  it("replies: no duplicate finding, no relative link, no other cause's test, no placeholder the ticket fills, the ticket's language", () => {
    const problems: string[] = [];
    for (const { ticket, session, result, reply } of walks) {
      const findings = reply.split("\n").filter((line) => line.startsWith("  - "));
      if (new Set(findings).size !== findings.length) problems.push(`${ticket.id}: a finding repeats`);
      if (/\]\(\/|\(\/(?:causes|cases)\//.test(reply)) problems.push(`${ticket.id}: relative link`);
      for (const node of requestedTests(ticket.cause, knowledge, result, session.answers)) {
        if (!(PARSER_SIGNALS[node.parser] ?? []).some((s) => canDecide(s, ticket.cause)))
          problems.push(`${ticket.id}: asks for ${node.id}, which cannot show ${ticket.cause}`);
      }
      for (const [placeholder, name] of reply.matchAll(/<([a-z][a-z-]{1,30})>/g)) {
        if (FILLABLE_PLACEHOLDERS.includes(name) && fillCommandFromTicket(placeholder, session).unfilled.length === 0)
          problems.push(`${ticket.id}: ${placeholder} left although the ticket gives it`);
      }
      if ((languageOf(session.description) === "zh") !== reply.startsWith("您好")) problems.push(`${ticket.id}: reply language differs from the ticket's`);
      if (reply.includes("](") && !reply.includes(`](${PUBLIC_URL}`)) problems.push(`${ticket.id}: link not from the public URL`);
    }
    expect(problems).toEqual([]);
  });

  it("drafts: full title, error strings only from outputs, commands actually run, valid case entries", () => {
    const problems: string[] = [];
    for (const { ticket, session, draft } of walks) {
      const parsed = parseCaseEntry(`content/cases/${slugify(session.title) || "new-case"}.mdx`, draft);
      if (!parsed.ok) problems.push(`${ticket.id}: ${JSON.stringify(parsed.problems)}`);
      const errorStrings = JSON.parse(/^errorStrings: (.*)$/m.exec(draft)?.[1] ?? "[]") as string[];
      for (const line of errorStrings)
        if (!session.outputs.some((o) => o.text.includes(line))) problems.push(`${ticket.id}: error string not from an output: ${line}`);
      const commands = JSON.parse(/^commands: (.*)$/m.exec(draft)?.[1] ?? "[]") as string[];
      for (const command of commands) if (!session.outputs.some((o) => o.command === command)) problems.push(`${ticket.id}: command not run: ${command}`);
    }
    expect(problems).toEqual([]);
  });
});

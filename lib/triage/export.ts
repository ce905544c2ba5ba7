import { getSectionMarkdown, type RootCauseEntry } from "../content/parse-entry";
import type { RootCauseId } from "../content/root-cause-ids";
import type { Signal } from "../evidence/signal";
import type { TriageSessionView } from "../sessions/session-schema";
import type { SignalId } from "../evidence/vocabulary";
import type { DiagnoseResult } from "./diagnose";
import type { TriageKnowledge } from "./knowledge";
import { PARSER_SIGNALS } from "./parser-signals";
import { SIGNAL_IDS, weightOf } from "../evidence/signals";
import type { CommandNode } from "./tree-schema";

/** What an export needs to know about the confirmed cause, from its page. */
export type CauseForExport = { id: RootCauseId; title: string; summary: string; fix: string; layers: string[] };

/** Wraps text in a code fence longer than any backtick run inside it. */
export function fence(text: string, language = "text"): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${language}\n${text.trimEnd()}\n${marks}`;
}

/** Escapes prose for MDX, where `<`, `{` and `}` start JSX. */
export function escapeMdx(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\{/g, "&#123;").replace(/\}/g, "&#125;");
}

/** Commands that could confirm the cause and were not run yet, strongest first. */
export function confirmingCommands(cause: RootCauseId, knowledge: TriageKnowledge, done: Set<string>, limit = 3): CommandNode[] {
  const seen = new Set<string>();
  const candidates: { node: CommandNode; score: number }[] = [];
  for (const tree of knowledge.trees) {
    const concludes = tree.nodes.some((n) => n.kind === "leaf" && n.causes.includes(cause));
    for (const node of tree.nodes) {
      if (node.kind !== "command" || seen.has(node.id) || done.has(node.id)) continue;
      seen.add(node.id);
      const score = parserStrength(node.parser, cause) + (concludes ? 0.5 : 0);
      if (score > 0.5) candidates.push({ node, score });
    }
  }
  return candidates.sort((a, b) => b.score - a.score).slice(0, limit).map((c) => c.node);
}

function parserStrength(parser: string, cause: RootCauseId): number {
  let best = 0;
  for (const signal of SIGNAL_IDS) {
    const weight = weightOf(signal, cause);
    if (weight > best && PARSER_SIGNALS[parser]?.includes(signal)) best = weight;
  }
  return best;
}

function firstLines(text: string, count: number): string {
  const lines = text.trimEnd().split("\n");
  return lines.length > count ? `${lines.slice(0, count).join("\n")}\n…` : lines.join("\n");
}

function evidenceFor(result: DiagnoseResult, cause: RootCauseId) {
  return result.rootCauses.find((c) => c.id === cause)?.evidence.filter((e) => e.effect === "for" && e.signal !== "triage-path" && e.signal !== "wording") ?? [];
}

function checkedLines(session: TriageSessionView, signals: Signal[]): string[] {
  return session.outputs.map((output, index) => {
    const found = signals.filter((s) => s.source.kind === "output" && s.source.index === index);
    const what = found.length > 0 ? found.map((s) => s.detail ?? s.id).slice(0, 3).join("; ") : "nothing abnormal";
    return `- ${output.command ? `\`${output.command}\`` : `Output ${index + 1}`}: ${what}.`;
  });
}

/**
 * A reply to the customer in Markdown, shaped like the seed replies: the problem restated,
 * what was checked and found, the likely cause, requested tests with exact commands, the fix.
 */
export function buildCustomerReply(session: TriageSessionView, result: DiagnoseResult, cause: CauseForExport, knowledge: TriageKnowledge): string {
  const evidence = evidenceFor(result, cause.id).slice(0, 5);
  const tests = confirmingCommands(cause.id, knowledge, new Set(Object.keys(session.answers)));
  const checked = checkedLines(session, result.signals);
  const parts = [
    "Hello,",
    "",
    `Thank you for the details${session.ticketRef ? ` on ticket ${session.ticketRef}` : ""}. To make sure we understood the problem correctly:`,
    "",
    ...firstLines(session.description.trim(), 6).split("\n").map((line) => `> ${line}`),
    "",
    "**What we checked**",
    "",
    ...(checked.length > 0 ? checked : ["- The symptoms in your description."]),
    "",
    "**What we found**",
    "",
    `The evidence points to **${cause.title}**: ${cause.summary}`,
    "",
    ...evidence.map((e) => `- \`${e.line}\` (${e.source})${e.detail ? `: ${e.detail}` : ""}`),
    "",
  ];
  if (tests.length > 0) {
    parts.push("**Please run these and send us the output**", "");
    for (const node of tests) {
      parts.push(`- ${node.title} (on the ${node.where}):`, "", fence(node.command.default, "bash"), "", `  ${node.lookFor}`, "");
    }
  }
  parts.push("**How to fix it**", "", cause.fix.trim(), "", "Best regards,");
  return parts.join("\n");
}

const PLATFORM_SIGNALS: [string, string][] = [
  ["text-kubernetes", "kubernetes"],
  ["text-container", "docker"],
];

/** A draft case entry (MDX) prefilled from the session, to review and save under content/cases/. */
export function buildCaseDraft(session: TriageSessionView, result: DiagnoseResult, cause: CauseForExport): string {
  const id = slugify(session.title) || "new-case";
  const observed = new Set(result.signals.map((s) => s.id));
  const platform = ["linux", ...PLATFORM_SIGNALS.filter(([signal]) => observed.has(signal as Signal["id"])).map(([, p]) => p)];
  const evidence = evidenceFor(result, cause.id);
  const frontmatter = {
    id,
    title: session.title,
    titleZh: "待补充：中文标题",
    type: "problem",
    status: "resolved",
    rootCause: cause.id,
    suspectedCauses: [],
    ruledOutCauses: [],
    relatedCauses: [],
    platform,
    layers: cause.layers,
    symptoms: [firstLines(session.title, 1)],
    errorStrings: [...new Set(evidence.filter((e) => e.source !== "description").map((e) => e.line))].slice(0, 8),
    commands: session.outputs.flatMap((o) => (o.command ? [o.command] : [])),
    tags: [],
    aliases: [session.title, "待补充：中文关键词"],
    source: { file: session.ticketRef ? `ticket ${session.ticketRef}` : `triage session ${session.id}`, section: session.title },
    related: result.rootCauses.find((c) => c.id === cause.id)?.cases.slice(0, 3) ?? [],
  };
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  const steps = session.outputs.map((output, index) => {
    const found = result.signals.filter((s) => s.source.kind === "output" && s.source.index === index);
    return [
      `### Step ${index + 1}: ${escapeMdx(output.command ?? "pasted output")}`,
      "",
      ...(output.command ? [fence(output.command, "bash"), ""] : []),
      fence(firstLines(output.text, 40)),
      "",
      found.length > 0 ? `It showed: ${escapeMdx(found.map((s) => s.detail ?? s.id).join("; "))}.` : "Nothing abnormal in this output.",
      "",
    ].join("\n");
  });
  return [
    "---",
    yaml,
    "---",
    "",
    "## Issue",
    "",
    escapeMdx(session.description.trim()),
    "",
    "## Environment",
    "",
    "To fill in: hosts, platform, versions, network path.",
    "",
    "## Diagnosis",
    "",
    ...(steps.length > 0 ? steps : ["No command output was pasted in the session.", ""]),
    "## Cause",
    "",
    `${escapeMdx(cause.title)}: ${escapeMdx(cause.summary)}`,
    "",
    "## Resolution",
    "",
    session.notes.trim() ? escapeMdx(session.notes.trim()) : "To fill in: what was changed and how it was verified.",
    "",
    "## How to spot it next time",
    "",
    ...evidence.slice(0, 5).map((e) => `- ${escapeMdx(e.line)}`),
    "",
  ].join("\n");
}

export function slugify(text: string): string {
  const slug = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join("-").slice(0, 60);
  return slug.endsWith("-") ? slug.slice(0, -1) : slug;
}

/** The export view of a cause page: its summary and the first part of its fix section. */
export function toCauseForExport(entry: RootCauseEntry): CauseForExport {
  const fix = getSectionMarkdown(entry.body, "Fix and prevention");
  return {
    id: entry.frontmatter.id,
    title: entry.frontmatter.title,
    summary: entry.frontmatter.summary,
    fix: fix.split("\n\n").slice(0, 4).join("\n\n"),
    layers: entry.frontmatter.layers,
  };
}

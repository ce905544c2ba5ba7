import type { RootCauseEntry } from "../content/parse-entry";
import type { RootCauseId } from "../content/root-cause-ids";
import { REQUIRED_HEADINGS, REQUIRED_HEADINGS_ZH } from "../content/schema";
import type { Signal } from "../evidence/signal";
import { weightOf } from "../evidence/signals";
import type { TriageSessionView } from "../sessions/session-schema";
import { canDecide, decisiveEvidence } from "./decisive";
import type { DiagnoseResult } from "./diagnose";
import { fillCommandFromTicket } from "./fill-command";
import { FIX_HEADING_ZH, fixSectionOf, type TriageKnowledge } from "./knowledge";
import { languageOf, type Lang } from "./language";
import { localizeNode } from "./localize";
import { verificationOf } from "./next-step";
import { PARSER_SIGNALS } from "./parser-signals";
import type { CommandNode } from "./tree-schema";
import { meaningOf, WORDS } from "./words";

/** What an export needs to know about the confirmed cause, from its page. */
export type CauseForExport = {
  id: RootCauseId;
  title: string;
  titleZh?: string;
  summary: string;
  /** From the cause's Chinese page, where it has one. */
  summaryZh?: string;
  fix: string;
  fixZh?: string;
  layers: string[];
};

/** How a reply is built: the site's public URL for links (none without it), and its language (the description's unless set). */
export type ReplyOptions = { publicUrl?: string; lang?: Lang };

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

/** Makes site links absolute from the public URL, or drops them (keeping their text) without one. */
export function absoluteLinks(markdown: string, publicUrl?: string): string {
  const base = publicUrl === undefined ? undefined : withoutTrailingSlashes(publicUrl);
  return markdown.replace(/\[([^[\]\n]{1,200})\]\((\/[^()\s]{0,300})\)/g, (_, text: string, href: string) => (base ? `[${text}](${base}${href})` : text));
}

function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end--;
  return url.slice(0, end);
}

/**
 * Fills the placeholders of the code in Markdown: fenced blocks (odd pieces between ``` marks), line
 * by line, and inline code spans; prose is left as written.
 */
function fillCode(markdown: string, fill: (line: string) => string): string {
  const inline = (text: string) => text.replace(/`([^`\n]{1,400})`/g, (_, code: string) => `\`${fill(code)}\``);
  return markdown
    .split("```")
    .map((piece, index) =>
      index % 2 === 1
        ? piece
            .split("\n")
            .map((line, i) => (i === 0 ? line : fill(line)))
            .join("\n")
        : inline(piece),
    )
    .join("```");
}

/** Observations read from outputs (never the customer's own words or the engineer's answers). */
function isObserved(signal: Signal): boolean {
  return signal.source.kind === "output" || (signal.source.kind === "description" && signal.parser !== "text");
}

/**
 * Findings for the cause, each once: its meaning in the reply's language and what the output showed
 * (with the parser's note in an English reply; the notes are English).
 */
function findingsFor(result: DiagnoseResult, cause: RootCauseId, lang: Lang): { signal: Signal; text: string }[] {
  const seen = new Set<string>();
  const findings: { signal: Signal; text: string }[] = [];
  for (const signal of result.signals) {
    if (!isObserved(signal) || weightOf(signal.id, cause) <= 0 || seen.has(signal.id)) continue;
    seen.add(signal.id);
    const meaning = meaningOf(signal.id, lang);
    if (lang === "zh") {
      findings.push({ signal, text: `${meaning}：\`${signal.line}\`` });
      continue;
    }
    const detail = signal.detail && !signal.sinceBoot && !signal.detail.includes(signal.line) ? ` (${signal.detail})` : "";
    findings.push({ signal, text: `${meaning}: \`${signal.line}\`${detail}` });
  }
  return findings;
}

/** Commands that could show the cause directly, not run yet, that fit this environment. */
export function requestedTests(
  cause: RootCauseId,
  knowledge: TriageKnowledge,
  result: DiagnoseResult,
  answers: Record<string, string>,
  limit = 2,
): CommandNode[] {
  if (decisiveEvidence(cause, result.signals).length > 0) return [];
  const ran = new Set(result.signals.filter((s) => s.source.kind === "output").map((s) => s.parser));
  const fits = (node: CommandNode) =>
    (!["pod", "node"].includes(node.where) || Boolean(result.facts.containers)) &&
    (node.where !== "dns-client" || Boolean(result.facts.udpOrDns)) &&
    (!["load-balancer", "proxy"].includes(node.where) || Boolean(result.facts.loadBalancer));
  const seen = new Set<string>();
  const tests: CommandNode[] = [];
  for (const tree of knowledge.trees) {
    for (const node of tree.nodes) {
      if (node.kind !== "command" || seen.has(node.parser) || answers[node.id] !== undefined || ran.has(node.parser) || !fits(node)) continue;
      if (!(PARSER_SIGNALS[node.parser] ?? []).some((s) => canDecide(s, cause))) continue;
      seen.add(node.parser);
      tests.push(node);
    }
  }
  return tests.slice(0, limit);
}

const REPLY_EN = {
  hello: "Hello,",
  thanks: (ref: string) => `Thank you for the details${ref ? ` on ticket ${ref}` : ""}. To make sure we understood the problem correctly:`,
  checked: "**What we checked and found**",
  nothing: "nothing abnormal for this problem",
  snapshot: "These counters are totals since the server booted; a second snapshot a few seconds later shows whether they still rise.",
  description: "Your description",
  cause: "**The cause**",
  tests: "**Please run these and send us the output**",
  fix: "**How to fix it**",
  verify: "**How to verify the fix**",
  more: "More on this cause:",
  bye: "Best regards,",
  output: (n: number) => `Output ${n}`,
  colon: ":",
  stop: ".",
};

const REPLY_ZH: typeof REPLY_EN = {
  hello: "您好，",
  thanks: (ref: string) => `感谢您提供的信息${ref ? `（工单 ${ref}）` : ""}。我们对问题的理解如下：`,
  checked: "**我们检查了什么、发现了什么**",
  nothing: "未发现与此问题相关的异常",
  snapshot: "以上计数器是服务器启动以来的累计值；隔几秒再取一次快照，才能看出它们是否仍在上涨。",
  description: "您的描述",
  cause: "**原因**",
  tests: "**请运行以下命令并把输出发给我们**",
  fix: "**修复方法**",
  verify: "**修复后如何验证**",
  more: "关于此原因的详细说明：",
  bye: "如有其他问题，欢迎随时联系我们。\n\n祝好！",
  output: (n: number) => `输出 ${n}`,
  colon: "：",
  stop: "。",
};

const REPLY_WORDS: Record<Lang, typeof REPLY_EN> = { en: REPLY_EN, zh: REPLY_ZH };

/**
 * A reply to the customer in Markdown, for this ticket only: the problem restated, what was checked
 * and found (each finding once, from the outputs), the cause, tests only where the cause still lacks
 * a decisive observation and they fit this environment, the fix and how to verify it. Written in the
 * session's language (options.lang, else the description's): a Chinese ticket gets a Chinese reply,
 * with the cause's Chinese summary and fix. Links are absolute from the public URL, or left out.
 */
export function buildCustomerReply(
  session: TriageSessionView,
  result: DiagnoseResult,
  cause: CauseForExport,
  knowledge: TriageKnowledge,
  options: ReplyOptions = {},
): string {
  const lang = options.lang ?? languageOf(session.description);
  const words = REPLY_WORDS[lang];
  const fill = (command: string) => fillCommandFromTicket(command, session).command;
  const findings = findingsFor(result, cause.id, lang);
  const listed = new Set<string>();
  const checked = session.outputs.map((output, index) => {
    const here = findings.filter((f) => f.signal.source.kind === "output" && f.signal.source.index === index && !listed.has(f.signal.id));
    for (const f of here) listed.add(f.signal.id);
    const label = output.command ? `\`${fill(output.command)}\`` : words.output(index + 1);
    return here.length > 0
      ? [`- ${label}${words.colon}`, ...here.map((f) => `  - ${f.text}`)].join("\n")
      : `- ${label}${words.colon}${lang === "en" ? " " : ""}${words.nothing}${words.stop}`;
  });
  const inDescription = findings.filter((f) => !listed.has(f.signal.id));
  if (inDescription.length > 0) checked.push([`- ${words.description}${words.colon}`, ...inDescription.map((f) => `  - ${f.text}`)].join("\n"));
  if (findings.some((f) => f.signal.sinceBoot)) checked.push("", words.snapshot);

  const zh = lang === "zh";
  const title = zh ? (cause.titleZh ?? cause.title) : cause.title;
  const summary = zh ? cause.summaryZh : cause.summary;
  const fix = zh ? (cause.fixZh ?? cause.fix) : cause.fix;
  const parts = [
    words.hello,
    "",
    words.thanks(session.ticketRef),
    "",
    ...firstLines(session.description.trim(), 6)
      .split("\n")
      .map((line) => `> ${line}`),
    "",
    words.checked,
    "",
    ...checked,
    "",
    words.cause,
    "",
    `**${title}**${summary ? `${zh ? "：" : ": "}${summary}` : ""}`,
    "",
  ];
  const tests = requestedTests(cause.id, knowledge, result, session.answers);
  if (tests.length > 0) {
    parts.push(words.tests, "");
    for (const test of tests) {
      const node = localizeNode(test, lang);
      const where = WORDS[lang].where[node.where];
      parts.push(`- ${node.title}${zh ? `（${where}）：` : ` (${where}):`}`, "", fence(fill(node.command.default), "bash"), "", `  ${node.lookFor}`, "");
    }
  }
  parts.push(words.fix, "", absoluteLinks(fillCode(fix.trim(), fill), options.publicUrl), "");
  parts.push(words.verify, "", ...verificationOf(cause.id, result.signals, lang).map((line) => `- ${fillCode(line, fill)}`), "");
  if (options.publicUrl) parts.push(`${words.more} ${withoutTrailingSlashes(options.publicUrl)}/causes/${cause.id}`, "");
  parts.push(words.bye);
  return parts.join("\n");
}

function firstLines(text: string, count: number): string {
  const lines = text.trimEnd().split("\n");
  return lines.length > count ? `${lines.slice(0, count).join("\n")}\n…` : lines.join("\n");
}

const PLATFORM_SIGNALS: [string, string][] = [
  ["text-kubernetes", "kubernetes"],
  ["text-container", "docker"],
];

/** The full title: the session's, or the ticket's first line when the session title was cut. */
function fullTitle(session: TriageSessionView): string {
  if (!session.title.endsWith("…")) return session.title;
  const firstLine = session.description.trim().split("\n")[0]?.trim() ?? "";
  return firstLine || session.title.replace(/…$/, "");
}

/** A draft case entry (MDX) prefilled from the session, to review and save under content/cases/. */
export function buildCaseDraft(session: TriageSessionView, result: DiagnoseResult, cause: CauseForExport): string {
  const title = fullTitle(session);
  const id = slugify(title) || "new-case";
  const observed = new Set(result.signals.map((s) => s.id));
  const platform = ["linux", ...PLATFORM_SIGNALS.filter(([signal]) => observed.has(signal as Signal["id"])).map(([, p]) => p)];
  const fromOutputs = tellingOutputLines(result, cause);
  const ruledOut = result.ruledOut.filter((c) => c.by === "engineer").map((c) => c.id);
  const frontmatter = {
    id,
    title,
    titleZh: "待补充：中文标题",
    type: "problem",
    status: "resolved",
    rootCause: cause.id,
    suspectedCauses: [],
    ruledOutCauses: ruledOut,
    relatedCauses: [],
    platform,
    layers: cause.layers,
    symptoms: [title],
    errorStrings: fromOutputs.slice(0, 8),
    commands: session.outputs.flatMap((o) => (o.command ? [o.command] : [])),
    tags: [],
    aliases: [title, "to fill in: English keywords", "待补充：中文关键词"],
    source: { file: session.ticketRef ? `ticket ${session.ticketRef}` : `triage session ${session.id}`, section: title },
    related: result.rootCauses.find((c) => c.id === cause.id)?.cases.slice(0, 3) ?? [],
  };
  const yaml = Object.entries(frontmatter)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join("\n");
  return ["---", yaml, "---", "", draftBody(session, result, cause, fromOutputs, DRAFT_WORDS.en), ""].join("\n");
}

/**
 * The Chinese version of a session's draft case (symptoms and body, the shape of content/zh/cases/<id>.mdx):
 * the same sections under their Chinese headings, the same commands and outputs, so the pair passes
 * content:check's pair checks once the texts are written.
 */
export function buildCaseDraftZh(session: TriageSessionView, result: DiagnoseResult, cause: CauseForExport): { symptoms: string[]; body: string } {
  return { symptoms: [fullTitle(session)], body: `${draftBody(session, result, cause, tellingOutputLines(result, cause), DRAFT_WORDS.zh)}\n` };
}

/** The lines of the pasted outputs that speak for the confirmed cause, each once. */
function tellingOutputLines(result: DiagnoseResult, cause: CauseForExport): string[] {
  return [...new Set(result.signals.filter((s) => s.source.kind === "output" && weightOf(s.id, cause.id) > 0).map((s) => s.line))];
}

type DraftWords = {
  headings: readonly string[];
  step: (n: number, command: string) => string;
  pastedOutput: string;
  showed: (details: string) => string;
  nothingAbnormal: string;
  noOutput: string;
  environmentToFill: string;
  resolutionToFill: string;
  cause: (cause: CauseForExport) => string;
};

const DRAFT_WORDS: Record<Lang, DraftWords> = {
  en: {
    headings: REQUIRED_HEADINGS.problem,
    step: (n, command) => `Step ${n}: ${command}`,
    pastedOutput: "pasted output",
    showed: (details) => `It showed: ${details}.`,
    nothingAbnormal: "Nothing abnormal in this output.",
    noOutput: "No command output was pasted in the session.",
    environmentToFill: "To fill in: hosts, platform, versions, network path.",
    resolutionToFill: "To fill in: what was changed and how it was verified.",
    cause: (cause) => `${escapeMdx(cause.title)}: ${escapeMdx(cause.summary)}`,
  },
  zh: {
    headings: REQUIRED_HEADINGS_ZH.problem,
    step: (n, command) => `第 ${n} 步：${command}`,
    pastedOutput: "粘贴的输出",
    showed: (details) => `输出显示：${details}。`,
    nothingAbnormal: "这段输出没有异常。",
    noOutput: "会话中没有粘贴命令输出。",
    environmentToFill: "待补充：主机、平台、版本、网络路径。",
    resolutionToFill: "待补充：做了哪些改动，如何验证。",
    cause: (cause) => `${escapeMdx(cause.titleZh ?? cause.title)}：${escapeMdx(cause.summaryZh ?? cause.summary)}`,
  },
};

/** The sections of a session's draft case, in the language of `words`. */
function draftBody(session: TriageSessionView, result: DiagnoseResult, cause: CauseForExport, tellingLines: string[], words: DraftWords): string {
  const [issue, environment, diagnosis, causeHeading, resolution, spotIt] = words.headings;
  const steps = session.outputs.map((output, index) => {
    const found = result.signals.filter((s) => s.source.kind === "output" && s.source.index === index);
    return [
      `### ${words.step(index + 1, escapeMdx(output.command ?? words.pastedOutput))}`,
      "",
      ...(output.command ? [fence(output.command, "bash"), ""] : []),
      fence(firstLines(output.text, 40)),
      "",
      found.length > 0 ? words.showed(escapeMdx([...new Set(found.map((s) => s.detail ?? s.id))].join("; "))) : words.nothingAbnormal,
      "",
    ].join("\n");
  });
  return [
    `## ${issue}`,
    "",
    escapeMdx(session.description.trim()),
    "",
    `## ${environment}`,
    "",
    words.environmentToFill,
    "",
    `## ${diagnosis}`,
    "",
    ...(steps.length > 0 ? steps : [words.noOutput, ""]),
    `## ${causeHeading}`,
    "",
    words.cause(cause),
    "",
    `## ${resolution}`,
    "",
    session.notes.trim() ? escapeMdx(session.notes.trim()) : words.resolutionToFill,
    "",
    `## ${spotIt}`,
    "",
    ...tellingLines.slice(0, 5).map((line) => `- ${escapeMdx(line)}`),
  ].join("\n");
}

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join("-")
    .slice(0, 60);
  return slug.endsWith("-") ? slug.slice(0, -1) : slug;
}

/** The export view of a cause page: its summary and the first part of its fix section, in English and, when it has a Chinese page, in Chinese. */
export function toCauseForExport(entry: RootCauseEntry): CauseForExport {
  return {
    id: entry.frontmatter.id,
    title: entry.frontmatter.title,
    titleZh: entry.frontmatter.titleZh,
    summary: entry.frontmatter.summary,
    ...(entry.zh ? { summaryZh: entry.zh.frontmatter.summary, fixZh: fixSectionOf(entry.zh.body, FIX_HEADING_ZH) } : {}),
    fix: fixSectionOf(entry.body),
    layers: entry.frontmatter.layers,
  };
}

/**
 * Rules that keep a finished library reading as finished: no page says how it was written, and
 * nothing that is not a command or its output is shown as one. content:check runs them.
 */
import { listCodeBlocks } from "./markdown";
import type { ContentEntry, ContentProblem } from "./parse-entry";
import { SOURCE_COLLECTIONS } from "./source-collections";

/** Words about the writing of the library rather than about the case. */
const AUTHORING = [
  { pattern: /\bseed(?:s|'s)?\b/i, message: 'says how the page was written ("seed"): say what the case records instead' },
  { pattern: /\b(?:the|this) inventory\b/i, message: 'says how the page was written ("the inventory")' },
  { pattern: /\bwritten `[^`]{1,80}` in the\b/i, message: "comments on a typo of the source: give the value once, as it should read" },
];

/** A Wireshark display filter: a protocol field path compared or tested (tcp.flags.syn == 1, tcp.analysis.retransmission). */
const FILTER_PROTOCOL = String.raw`(?:eth|ip|ipv6|tcp|udp|dns|http|tls|ssl|arp|icmp|icmpv6|frame|vxlan|sctp)`;
const FILTER_OPERATOR = String.raw`(?:==|!=|>=|<=|>|<|\bcontains\b|\bmatches\b|&&|\|\||\band\b|\bor\b)`;
const DISPLAY_FILTER_LINE = new RegExp(String.raw`^!?\(?\s?${FILTER_PROTOCOL}\.[a-z_]+(?:\.[a-z_\d]+)*(?:\s?${FILTER_OPERATOR}|\)?$)`, "i");
/** Lines of C (kernel source), after any line number: declarations, control flow, braces. */
const C_DECLARATION = String.raw`(?:unsigned\s)?(?:int|long|u8|u16|u32|u64|bool|void|char)\s\**\w+\s?[(=;[]`;
const SOURCE_LINE = new RegExp(
  String.raw`^\s*(?:\d{1,5}\s{1,8})?(?:` +
    [
      String.raw`static\s|struct\s\w+\s?[*{]|${C_DECLARATION}`,
      String.raw`if\s?\(|else\b|for\s?\(|while\s?\(|return\b[^;]*;|#include\b|#define\b|[{}];?\s*$|\w+\s?->\s?\w+`,
    ].join("|") +
    ")",
);

const OUTPUT_LANGUAGES = new Set(["text", ""]);
const COMMAND_LANGUAGES = new Set(["bash", "sh", "shell", "zsh", "console", "powershell", "cmd"]);

/** One line of C control flow with a member access: `if (a && b->c) {`. */
const ONE_LINE_SOURCE = /\bif\s?\(.{0,2000}->.{0,2000}\)\s?\{/;
/** A sysctl.conf line: a setting, not a command. */
const SETTING_LINE = /^[a-z][\w.]{0,100}\.[\w.]{1,100}\s?=\s?\S{1,100}$/;

export type CodeKind = "display filter" | "source code" | "setting";

/** What a text is, when it is not a command or an output. */
export function codeKindOf(text: string): CodeKind | undefined {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return undefined;
  if (lines.every((line) => DISPLAY_FILTER_LINE.test(line.trim()))) return "display filter";
  const sourceLines = lines.filter((line) => SOURCE_LINE.test(line)).length;
  if ((sourceLines >= 2 && sourceLines * 2 >= lines.length) || (lines.length === 1 && ONE_LINE_SOURCE.test(lines[0]))) return "source code";
  return undefined;
}

const FENCE_FOR = { "display filter": "```wireshark", "source code": "```c", setting: "```ini" } as const;

const withArticle = (kind: CodeKind) => (kind === "source code" ? kind : `a ${kind}`);

function lineOf(source: string, needle: string, fallback: number): number {
  const index = source.indexOf(needle);
  return index === -1 ? fallback : source.slice(0, index).split("\n").length;
}

/** Problems of one entry under the rules above. */
export function checkContentRules(entry: ContentEntry): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { file, source, body, bodyStartLine } = entry;

  const lines = source.split("\n");
  let inCode = false;
  lines.forEach((line, index) => {
    if (/^\s*(?:```|~~~)/.test(line)) inCode = !inCode;
    if (inCode || /^\s*(?:file|section):/.test(line)) return;
    for (const rule of AUTHORING) if (rule.pattern.test(line)) problems.push({ file, line: index + 1, message: rule.message });
  });

  for (const block of listCodeBlocks(body)) {
    const kind = codeKindOf(block.text);
    if (!kind) continue;
    const shownAs = OUTPUT_LANGUAGES.has(block.lang) ? "command output" : COMMAND_LANGUAGES.has(block.lang) ? "a command" : undefined;
    if (shownAs)
      problems.push({ file, line: bodyStartLine + block.line - 1, message: `${withArticle(kind)} is shown as ${shownAs}: fence it as ${FENCE_FOR[kind]}` });
  }

  if (entry.kind === "case") {
    const f = entry.frontmatter;
    for (const command of f.commands) {
      const kind = codeKindOf(command) ?? (SETTING_LINE.test(command.trim()) ? "setting" : undefined);
      if (kind)
        problems.push({
          file,
          line: lineOf(source, command, 1),
          message: `commands: "${command}" is ${withArticle(kind)}, not a command: name it in the body instead`,
        });
    }
    if (!SOURCE_COLLECTIONS[f.source.file])
      problems.push({
        file,
        line: lineOf(source, f.source.file, 1),
        message: `source.file: "${f.source.file}" is not a known collection (lib/content/source-collections.ts)`,
      });
  }
  return problems;
}

// The checks' messages an editor in another language shows in its own words: each known message
// gives its catalogue key (`editor.problems.<key>`), the values it quotes and, for a message that
// quotes a compiler's or a builder's words, that detail. The checks themselves (content:check's
// schema and rules) speak English, as the command line does.

export type ProblemMessage = { key: string; values: Record<string, string | number>; detail?: string };

type Pattern = [RegExp, string, (match: RegExpExecArray) => Record<string, string | number>];

const none = () => ({});

const PATTERNS: Pattern[] = [
  [/^a case needs a title$/, "titleMissing", none],
  [/^(?:at most ([\d,]+) characters|Too big: expected string to have <=(\d+) characters)$/, "tooLong", (m) => ({ max: m[1] ?? m[2] })],
  [/^(?:at most ([\d,]+) entries|Too big: expected array to have <=(\d+) items)$/, "tooMany", (m) => ({ max: m[1] ?? m[2] })],
  [/^Too small: expected string to have >=(\d+) characters$/, "atLeastChars", (m) => ({ min: Number(m[1]) })],
  [/^Too small: expected array to have >=(\d+) items$/, "atLeastItems", (m) => ({ min: Number(m[1]) })],
  [/^must contain Chinese text$/, "mustBeChinese", none],
  [/^needs at least one Chinese alias$/, "chineseAlias", none],
  [/^needs at least one English alias$/, "englishAlias", none],
  [/^a resolved problem needs a root cause$/, "resolvedNeedsCause", none],
  [/^an unresolved case has rootCause: null and lists suspectedCauses$/, "unresolvedHasNoCause", none],
  [/^unknown root-cause id "([^"]*)"$/, "unknownCause", (m) => ({ id: m[1] })],
  [/^unknown case id "([^"]*)"$/, "unknownRelated", (m) => ({ id: m[1] })],
  [/^missing section "## ([^"]*)"$/, "missingSection", (m) => ({ section: m[1] })],
  [/^section "## ([^"]*)" is out of order/, "sectionOrder", (m) => ({ section: m[1] })],
  [/^still holds a placeholder to fill in$/, "placeholder", none],
  // The checks between a case and its Chinese version (lib/content/language-pairs.ts).
  [/^code block (\d+) differs from the English page's \(line (\d+)\)/, "codeBlockDiffers", (m) => ({ n: Number(m[1]), line: Number(m[2]) })],
  [/^code block (\d+) of (\d+) \(```[^)]*\) is missing/, "codeBlockMissing", (m) => ({ n: Number(m[1]), total: Number(m[2]) })],
  [/^code block (\d+) is not in the English page \(it has (\d+)\)$/, "codeBlockExtra", (m) => ({ n: Number(m[1]), total: Number(m[2]) })],
  [/^inline code `(.*)` of the English page is missing$/s, "inlineCodeMissing", (m) => ({ code: m[1] })],
  [
    /^(?:headings: )?(\d+) ## and ### headings in the English page, (\d+) here; heading (\d+) should be/,
    "outline",
    (m) => ({ en: Number(m[1]), here: Number(m[2]), n: Number(m[3]) }),
  ],
  [/^(\d+) listed, the English page lists (\d+) \(same order and count\)$/, "symptomCount", (m) => ({ here: Number(m[1]), en: Number(m[2]) })],
  [/^the number (.+) of the English title is missing$/, "titleNumber", (m) => ({ number: m[1] })],
  [/^the number (.+) is missing$/, "numberMissing", (m) => ({ number: m[1] })],
];

/** Messages that quote a technical detail after a lead the catalogues name. */
const LEADS: [string, string][] = [
  ["MDX does not compile: ", "compile"],
  ["cannot build a training exercise: ", "noDrill"],
];

/** The catalogue key, values and quoted detail of a check's message; undefined for a message the catalogues do not name. */
export function problemMessage(message: string): ProblemMessage | undefined {
  for (const [pattern, key, values] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return { key, values: values(match) };
  }
  const lead = LEADS.find(([prefix]) => message.startsWith(prefix));
  return lead && { key: lead[1], values: {}, detail: message.slice(lead[0].length) };
}

// The checks content:check runs on a case file, run on a case being written in the app, with each
// problem placed where the editor shows it: next to a frontmatter field, or at a line of the body.
import { checkInternalLinks } from "../content/check-content";
import { MdxCompileError } from "../content/compile-mdx";
import { checkContentRules } from "../content/content-rules";
import { checkLanguagePair, zhFileOf } from "../content/language-pairs";
import { parseCaseEntry, parseCaseZhPage, type CaseEntry, type CaseZhPage, type ContentProblem } from "../content/parse-entry";
import { ROOT_CAUSE_IDS } from "../content/root-cause-ids";
import { slugSchema } from "../content/schema";
import { getExerciseCatalogue, isResolvedProblem } from "../training/catalogue";
import { buildTicketDrill } from "../training/ticket-drill";
import { getTriageKnowledge } from "../triage/knowledge";
import { toCaseMdx, toCaseZhMdx, type CaseFields, type ZhVersion } from "./case-fields";
import { compileCaseBody } from "./compile-body";

/**
 * A problem at a frontmatter field (`aliases`, `source.file`; `zh.symptoms` for the Chinese version's) or at a
 * 1-based line of the body (`version: "zh"`: of the Chinese version's body).
 */
export type CaseProblem = { field: string; message: string } | { line: number; message: string; version?: "zh" };

/** Words the exported draft of a session leaves for the writer to replace. */
const PLACEHOLDER = /\bto fill in\b|待补充/i;

export type CheckContext = {
  /** Ids of every case a `related` entry or a link may name. */
  knownCaseIds: ReadonlySet<string>;
  /** Whether to build the training drill a resolved problem case must yield (content:check does). */
  checkDrill?: boolean;
};

/**
 * Every problem content:check would report for this case as content/cases/<id>.mdx and, when it has a Chinese
 * version, content/zh/cases/<id>.mdx (the pair's checks included), except compiling (see checkCaseCompiles).
 */
export function checkCase(
  id: string,
  fields: Omit<CaseFields, "id">,
  body: string,
  zh: ZhVersion | null,
  context: CheckContext,
): { problems: CaseProblem[]; entry?: CaseEntry } {
  const idCheck = slugSchema.safeParse(id);
  if (!idCheck.success) return { problems: [{ field: "id", message: `"${id}" ${idCheck.error.issues[0].message}` }] };
  const source = toCaseMdx(id, fields, body);
  const locate = locator(source);
  const parsed = parseCaseEntry(`content/cases/${id}.mdx`, source);
  const placeholders = findPlaceholders(source).map(locate);
  const known = { cases: new Set([...context.knownCaseIds, id]), causes: new Set(ROOT_CAUSE_IDS) };
  const zhChecked = zh ? checkZhVersion(id, fields, zh, parsed.ok ? parsed.entry : undefined, known) : { problems: [] };
  if (!parsed.ok) return { problems: unique([...parsed.problems.map(locate), ...placeholders, ...zhChecked.problems]) };
  const entry = parsed.entry;
  const problems: ContentProblem[] = [
    ...checkContentRules(entry),
    ...checkInternalLinks(entry, known),
    ...entry.frontmatter.related
      .filter((relatedId) => !context.knownCaseIds.has(relatedId))
      .map((relatedId) => ({ file: entry.file, line: lineOf(source, `"${relatedId}"`), message: `related: unknown case id "${relatedId}"` })),
  ];
  if (context.checkDrill && isResolvedProblem(entry)) {
    const catalogue = getExerciseCatalogue();
    const drill = buildTicketDrill(entry, { knowledge: getTriageKnowledge(), causeTerms: catalogue.causeTerms, titleOf: catalogue.titleOf, lang: "en" });
    if (!drill.ok) problems.push({ file: entry.file, line: 1, message: `cannot build a training exercise: ${drill.reason}` });
  }
  return {
    problems: unique([...problems.map(locate), ...placeholders, ...zhChecked.problems]),
    entry: zhChecked.page ? { ...entry, zh: zhChecked.page } : entry,
  };
}

/** The Chinese page's own checks (schema, Chinese sections, links) and, when the English page parses, the pair's. */
function checkZhVersion(
  id: string,
  fields: Omit<CaseFields, "id">,
  zh: ZhVersion,
  entry: CaseEntry | undefined,
  known: { cases: Set<string>; causes: Set<string> },
): { problems: CaseProblem[]; page?: CaseZhPage } {
  const source = toCaseZhMdx(id, fields.titleZh, zh);
  const locate = locator(source, "zh");
  const parsed = parseCaseZhPage(zhFileOf({ file: `content/cases/${id}.mdx` }), source, fields.type);
  const placeholders = findPlaceholders(source).map(locate);
  if (!parsed.ok) return { problems: [...parsed.problems.map(locate), ...placeholders] };
  const problems = [...(entry ? checkLanguagePair({ ...entry, zh: parsed.entry }) : []), ...checkInternalLinks(parsed.entry, known)];
  return { problems: [...problems.map(locate), ...placeholders], page: parsed.entry };
}

/** The body's MDX compile error, at its line (`version` "zh": a line of the Chinese version's body), or none. */
export async function checkCaseCompiles(body: string, version?: "zh"): Promise<CaseProblem[]> {
  try {
    await compileCaseBody(body);
    return [];
  } catch (error) {
    const line = error instanceof MdxCompileError ? (error.line ?? 1) : 1;
    return [{ line, message: `MDX does not compile: ${error instanceof Error ? error.message : String(error)}`, ...(version && { version }) }];
  }
}

/** "field: message" for a field, "body line N: message" ("zh.body line N: ..." in the Chinese version) for a line: what a 422 names. */
export function describeProblem(problem: CaseProblem): string {
  if ("field" in problem) return `${problem.field}: ${problem.message}`;
  return `${problem.version === "zh" ? "zh." : ""}body line ${problem.line}: ${problem.message}`;
}

/** The same problem found by both pages' checks (a titleZh without Chinese text) is listed once. */
function unique(problems: CaseProblem[]): CaseProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = describeProblem(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function findPlaceholders(source: string): ContentProblem[] {
  return source
    .split("\n")
    .flatMap((text, index) => (PLACEHOLDER.test(text) ? [{ file: "", line: index + 1, message: "still holds a placeholder to fill in" }] : []));
}

/** The Chinese page's frontmatter keys as the case's fields: its title is the case's titleZh. */
const ZH_FIELDS: Record<string, string> = { title: "titleZh", symptoms: "zh.symptoms", body: "zh.body" };

/**
 * Places a problem of the whole file: a line of the frontmatter belongs to the field whose key
 * starts it (the message's own `field:` prefix is dropped), a later line to the body. `version`
 * "zh" places the problems of the Chinese page.
 */
function locator(source: string, version?: "zh"): (problem: ContentProblem) => CaseProblem {
  const lines = source.split("\n");
  const closing = lines.findIndex((line, i) => i > 0 && line === "---") + 1;
  const field = (name: string): { field: string } => ({ field: version === "zh" ? (ZH_FIELDS[name] ?? name) : name });
  return ({ line, message }) => {
    if (line > closing) return { line: Math.max(1, line - closing - 1), message, ...(version && { version }) };
    const prefix = /^([a-zA-Z]+(?:\.[\w]+)*): /.exec(message);
    if (prefix) return { ...field(prefix[1].replace(/\.\d+$/, "")), message: message.slice(prefix[0].length) };
    for (let i = Math.min(line, closing) - 1; i > 0; i--) {
      const key = /^([a-zA-Z]+):/.exec(lines[i]);
      if (key) return { ...field(key[1]), message };
    }
    return { ...field("body"), message };
  };
}

function lineOf(source: string, needle: string): number {
  const index = source.indexOf(needle);
  return index === -1 ? 1 : source.slice(0, index).split("\n").length;
}

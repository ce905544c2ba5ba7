import { getContentLibrary } from "../content/library";
import { AppError } from "../http/errors";
import type { TriageSessionView } from "../sessions/session-schema";
import { diagnose } from "../triage/diagnose";
import { buildCaseDraft, buildCaseDraftZh, toCauseForExport } from "../triage/export";
import { getTriageKnowledge } from "../triage/knowledge";
import { languageOf, type Lang } from "../triage/language";
import { confirmQuestionId } from "../triage/walk-questions";
import { IN_APP_SOURCE, splitCaseMdx, type CaseFields, type ZhVersion } from "./case-fields";

/**
 * The session re-diagnosed with its confirmed cause, as the exports read it (texts in `lang`, else the
 * ticket's language); 409 before a cause is confirmed.
 */
export function confirmedDiagnosis(session: TriageSessionView, lang?: Lang) {
  if (!session.confirmedCause) throw new AppError(409, "confirm a root cause before exporting");
  const causeEntry = getContentLibrary().getRootCause(session.confirmedCause);
  if (!causeEntry) throw new AppError(404, `unknown root cause "${session.confirmedCause}"`);
  const knowledge = getTriageKnowledge();
  const answers = { ...session.answers, [confirmQuestionId(causeEntry.frontmatter.id)]: "yes" };
  const result = diagnose({ description: session.description, outputs: session.outputs, answers, ...(lang ? { lang } : {}) }, knowledge);
  return { answers, result, cause: toCauseForExport(causeEntry), knowledge };
}

/**
 * The draft case entry of a confirmed session (the session's "draft case" export) as editor fields and body,
 * and, for a ticket written in Chinese, a Chinese version with the same sections, commands and outputs.
 */
export function caseDraftOfSession(session: TriageSessionView): { fields: Partial<CaseFields>; body: string; zh: ZhVersion | null } {
  // The library's cases are written in English first.
  const { result, cause } = confirmedDiagnosis(session, "en");
  const { fields, body } = splitCaseMdx(buildCaseDraft(session, result, cause));
  const section = session.ticketRef ? `ticket ${session.ticketRef}` : `triage session ${session.id}`;
  const zh = languageOf(session.description) === "zh" ? buildCaseDraftZh(session, result, cause) : null;
  return { fields: { ...fields, source: { file: IN_APP_SOURCE, section } }, body, zh };
}

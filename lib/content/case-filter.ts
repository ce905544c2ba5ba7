import { z } from "zod";

import type { CaseSummary } from "./case-summary";

export const CASE_FILTER_KEYS = ["symptom", "platform", "layer", "cause", "status", "type"] as const;
export type CaseFilterKey = (typeof CASE_FILTER_KEYS)[number];

/** Rows on one page of the case list: a large library's whole list would be megabytes. */
export const CASES_PER_PAGE = 100;

/** One value of a query parameter (the first, if repeated); anything else reads as no filter. */
const filterValue = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().max(100).optional()).catch(undefined);

/** The case list's URL query: filters and the page. A value no case has simply matches nothing. */
export const caseListQuerySchema = z.object({
  symptom: filterValue,
  platform: filterValue,
  layer: filterValue,
  cause: filterValue,
  status: filterValue,
  type: filterValue,
  page: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.coerce.number().int().min(1).max(1_000_000)).catch(1),
}) satisfies z.ZodType<Partial<Record<CaseFilterKey, string>>>;
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** The cases every filter of `query` lets through; `symptomCauses` are the causes the chosen symptom names. */
export function filterCases(cases: CaseSummary[], query: CaseListQuery, symptomCauses?: readonly string[]): CaseSummary[] {
  const { platform, layer, cause, status, type } = query;
  return cases.filter(
    (c) =>
      (!query.symptom || (symptomCauses ?? []).some((named) => c.causes.includes(named))) &&
      (!platform || c.platform.some((p) => p === platform)) &&
      (!layer || c.layers.some((l) => l === layer)) &&
      (!cause || c.causes.includes(cause)) &&
      (!status || c.status === status) &&
      (!type || c.type === type),
  );
}

/** The rows of page `page` (cut to the last page), and how many pages there are. */
export function pageOfCases<T>(rows: T[], page: number): { rows: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(rows.length / CASES_PER_PAGE));
  const shown = Math.min(page, pageCount);
  return { rows: rows.slice((shown - 1) * CASES_PER_PAGE, shown * CASES_PER_PAGE), page: shown, pageCount };
}

/**
 * The words of an entry in a language: Chinese pages show the Chinese title, symptoms and summary
 * (from `titleZh` and the `content/zh/` page), English pages the English ones.
 */
import type { Locale } from "../i18n/locales";
import type { CaseSummary } from "./case-summary";
import type { EntrySymptom } from "./entry-symptoms";
import type { CaseEntry, RootCauseEntry } from "./parse-entry";

type Titled = { title: string; titleZh: string };

/** The title in the language, and the other language's title (shown beside it, marked with its language). */
export function titlesOf(entry: Titled, locale: Locale): { title: string; otherTitle: string; otherLocale: Locale } {
  return locale === "zh"
    ? { title: entry.titleZh, otherTitle: entry.title, otherLocale: "en" }
    : { title: entry.title, otherTitle: entry.titleZh, otherLocale: "zh" };
}

export function caseTitle(entry: CaseEntry | CaseSummary, locale: Locale): string {
  return titlesOf("frontmatter" in entry ? entry.frontmatter : entry, locale).title;
}

export function causeTitle(cause: RootCauseEntry, locale: Locale): string {
  return titlesOf(cause.frontmatter, locale).title;
}

/** The cause's one-sentence summary; English when its Chinese page is missing. */
export function causeSummary(cause: RootCauseEntry, locale: Locale): string {
  return (locale === "zh" && cause.zh?.frontmatter.summary) || cause.frontmatter.summary;
}

/** The case's symptoms; English when its Chinese page is missing. */
export function caseSymptoms(entry: CaseEntry, locale: Locale): string[] {
  return (locale === "zh" && entry.zh?.frontmatter.symptoms) || entry.frontmatter.symptoms;
}

export function symptomLabel(symptom: Pick<EntrySymptom, "label" | "labelZh">, locale: Locale): string {
  return locale === "zh" ? symptom.labelZh : symptom.label;
}

import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

/** Remembers the reader's language choice (the header switch, the offer on `/`). */
export const LOCALE_COOKIE = "netriage_locale";
/** A year, in seconds. */
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** The path of a page in a language: English pages have no prefix, the others live under `/<locale>`. */
export function localizePath(path: string, locale: Locale): string {
  const { path: bare } = splitLocale(path);
  if (locale === DEFAULT_LOCALE) return bare;
  return bare === "/" ? `/${locale}` : bare.startsWith("/?") ? `/${locale}${bare.slice(1)}` : `/${locale}${bare}`;
}

/** The language of a path and the path without its language prefix (`/zh/cases/x` -> zh, `/cases/x`). */
export function splitLocale(path: string): { locale: Locale; path: string } {
  for (const locale of LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const prefix = `/${locale}`;
    if (path === prefix) return { locale, path: "/" };
    if (path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`)) return { locale, path: path.slice(prefix.length).replace(/^(?=\?)/, "/") };
  }
  return { locale: DEFAULT_LOCALE, path };
}

/** The language an Accept-Language header prefers among ours (highest q, then order); undefined when none fits. */
export function preferredLocale(acceptLanguage: string | null | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(",")
    .slice(0, 50)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find((language): language is Locale => (LOCALES as readonly string[]).includes(language));
}

/** Set by proxy.ts for one visit of `/` when the browser prefers Chinese and no choice is remembered yet. */
export const LANGUAGE_OFFER_COOKIE = "netriage_language_offer";
/** Set with the offer: the offer is made once per browser. */
export const LANGUAGE_OFFERED_COOKIE = "netriage_language_offered";

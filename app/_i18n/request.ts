// next-intl's request configuration: the language comes from the page (setRequestLocale in every
// layout and page, or getTranslations({ locale })), never from request headers, so pages stay static.
import { getRequestConfig } from "next-intl/server";

import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

import en from "../../messages/en.json";
import zh from "../../messages/zh.json";

export const MESSAGES = { en, zh } satisfies Record<Locale, typeof en>;

/** Dates are shown in UTC, as the API and the audit log record them. */
export const TIME_ZONE = "UTC";

export default getRequestConfig(async ({ locale, requestLocale }) => {
  const requested = locale ?? (await requestLocale);
  const resolved = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale: resolved, messages: MESSAGES[resolved], timeZone: TIME_ZONE };
});

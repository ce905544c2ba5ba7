"use client";

import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";

import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, localizePath } from "@/lib/i18n/paths";

const NAMES: Record<Locale, string> = { en: "English", zh: "中文" };
const LANG_ATTRIBUTE: Record<Locale, string> = { en: "en", zh: "zh-CN" };

/** Remembers a language choice for `/` and the next visits. */
export function rememberLocale(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE}; SameSite=Lax`;
}

/** The header's switch: the same page in the other language, query included; the choice is remembered. */
export function LanguageSwitch() {
  const pathname = usePathname();
  const current = useLocale();
  const t = useTranslations("site");
  return (
    <span className="language-switch" role="group" aria-label={t("language")}>
      {LOCALES.filter((locale) => locale !== current).map((locale) => (
        <a
          key={locale}
          href={localizePath(pathname, locale)}
          hrefLang={LANG_ATTRIBUTE[locale]}
          lang={LANG_ATTRIBUTE[locale]}
          data-switch-locale={locale}
          onClick={(event) => {
            event.preventDefault();
            rememberLocale(locale);
            window.location.assign(localizePath(window.location.pathname, locale) + window.location.search + window.location.hash);
          }}
        >
          {NAMES[locale]}
        </a>
      ))}
    </span>
  );
}

import type { Metadata, Viewport } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { getTranslations, setRequestLocale } from "next-intl/server";

import type { Locale } from "@/lib/i18n/locales";
import { AccountMenu } from "@/components/auth/account-menu";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { LocaleLink } from "@/components/i18n/locale-link";
import { HeaderSearch } from "@/components/search/header-search";
import { ClientMessages } from "@/app/_i18n/client-messages";

import "../globals.css";

/** The `lang` of a page's `<html>`. */
export const HTML_LANG: Record<Locale, string> = { en: "en", zh: "zh-CN" };

export async function siteMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "site" });
  return {
    title: { default: "Netriage", template: `%s · Netriage` },
    description: t("description"),
  };
}

export const siteViewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0d1117" },
  ],
};

/** The root layout of one language: `<html lang>`, header, footer and the catalogue for client components. */
export async function SiteLayout({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "site" });
  return (
    <html lang={HTML_LANG[locale]} className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body>
        <ClientMessages locale={locale}>
          <header className="site-header">
            <nav className="site-nav" aria-label={t("nav.main")}>
              <LocaleLink href="/" className="brand">
                Netriage
              </LocaleLink>
              <LocaleLink href="/cases">{t("nav.cases")}</LocaleLink>
              <LocaleLink href="/causes">{t("nav.causes")}</LocaleLink>
              <HeaderSearch />
              <LocaleLink href="/triage">{t("nav.triage")}</LocaleLink>
              <LocaleLink href="/train">{t("nav.training")}</LocaleLink>
              <LocaleLink href="/library">{t("nav.write")}</LocaleLink>
              <AccountMenu />
              <LanguageSwitch />
            </nav>
          </header>
          <main className="site-main">{children}</main>
          <footer className="site-footer">{t("footer")}</footer>
        </ClientMessages>
      </body>
    </html>
  );
}

import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { hasAccounts } from "@/lib/auth/accounts";
import { oidcEnabled } from "@/lib/auth/oidc";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ClientMessages } from "@/app/_i18n/client-messages";

export type SignInPageProps = { searchParams: Promise<{ next?: string | string[] }> };

export async function signInMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("title") };
}

export async function SignInPage({ locale, searchParams }: SignInPageProps & { locale: Locale }) {
  setRequestLocale(locale);
  const t = await getTranslations("signIn");
  const { next } = await searchParams;
  const after = typeof next === "string" ? next : undefined;
  const settings = readEnv();
  const anyAccount = await hasAccounts(getPrisma());
  return (
    <ClientMessages locale={locale} namespaces={["errors", "fieldErrors", "signIn"]}>
      <h1>{t("title")}</h1>
      <p className="lede">
        {t("lede")} {settings.NETRIAGE_PUBLIC_LIBRARY ? t("libraryOpen") : t("libraryClosed")}
      </p>
      {oidcEnabled(readEnv()) && (
        <p>
          <a className="button primary" href={`/api/auth/oidc/start?next=${encodeURIComponent(after ?? localizePath("/triage", locale))}`}>
            {t("singleSignOn")}
          </a>
        </p>
      )}
      <SignInForm next={after} />
      {anyAccount ? (
        <p className="card-meta sign-in-note">{t("noAccountYet")}</p>
      ) : (
        <div className="panel sign-in-note" role="note">
          <h2>{t("noAccountsTitle")}</h2>
          <p>{t.rich("noAccounts", { command: () => <code>npm run user:create -- --email you@example.com --role admin</code> })}</p>
        </div>
      )}
    </ClientMessages>
  );
}

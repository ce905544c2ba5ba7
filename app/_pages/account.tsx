import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { requirePageViewer } from "@/app/_server/viewer";

export async function accountMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "account" });
  return { title: t("title") };
}

export async function AccountPage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  const { user } = await requirePageViewer(localizePath("/account", locale));
  const t = await getTranslations("account");
  const roles = await getTranslations("roles");
  return (
    <ClientMessages locale={locale} namespaces={["account", "errors", "fieldErrors"]}>
      <h1>{t("title")}</h1>
      {user ? (
        <p className="lede">{t.rich("signedInAs", { email: user.email, role: roles(user.role), strong: (chunks) => <strong>{chunks}</strong> })}</p>
      ) : (
        <p className="lede">{t("signInOff")}</p>
      )}
      {user && <ChangePasswordForm />}
    </ClientMessages>
  );
}

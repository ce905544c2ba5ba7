import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { listUsers } from "@/lib/auth/accounts";
import { getPrisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { localizePath } from "@/lib/i18n/paths";
import { AccountsAdmin } from "@/components/auth/accounts-admin";
import { ClientMessages } from "@/app/_i18n/client-messages";
import { requirePageViewer } from "@/app/_server/viewer";

export async function adminUsersMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "accounts" });
  return { title: t("title") };
}

export async function AdminUsersPage({ locale }: { locale: Locale }) {
  setRequestLocale(locale);
  const viewer = await requirePageViewer(localizePath("/admin/users", locale), "admin");
  const t = await getTranslations("accounts");
  return (
    <ClientMessages locale={locale} namespaces={["accounts", "errors", "fieldErrors", "roleDuties"]}>
      <h1>{t("title")}</h1>
      {viewer.user ? (
        <AccountsAdmin initialAccounts={await listUsers(getPrisma())} selfId={viewer.user.id} />
      ) : (
        <p className="lede">{t.rich("signInOff", { command: () => <code>npm run user:create -- --email you@example.com --role admin</code> })}</p>
      )}
    </ClientMessages>
  );
}

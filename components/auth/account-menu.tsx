"use client";

import { useTranslations } from "next-intl";

import { fetchJson } from "@/lib/http/fetch-json";
import { LocaleLink, useLocalePath } from "@/components/i18n/locale-link";

import { useViewer } from "./use-viewer";

/** The header's account corner: nothing while sign-in is off, else "Sign in" or the user and "Sign out". */
export function AccountMenu() {
  const viewer = useViewer();
  const t = useTranslations("site");
  const roles = useTranslations("roles");
  const home = useLocalePath("/");
  if (!viewer?.signInRequired) return null;
  if (!viewer.user) {
    return (
      <LocaleLink href="/sign-in" className="account-link">
        {t("signIn")}
      </LocaleLink>
    );
  }
  const signOut = async () => {
    await fetchJson("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
    window.location.assign(home);
  };
  return (
    <span className="account-menu">
      {viewer.user.role === "admin" && <LocaleLink href="/admin/users">{t("accounts")}</LocaleLink>}
      <LocaleLink href="/account" className="account-email" title={t("yourAccount", { role: roles(viewer.user.role) })}>
        {viewer.user.email}
      </LocaleLink>
      <button type="button" className="button link" onClick={signOut}>
        {t("signOut")}
      </button>
    </span>
  );
}

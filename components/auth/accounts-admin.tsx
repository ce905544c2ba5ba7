"use client";

import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";

import type { Account } from "@/lib/auth/accounts";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createUserSchema } from "@/lib/auth/schemas";
import { fetchJson } from "@/lib/http/fetch-json";
import { useErrorMessage, useFieldErrorMessage } from "@/components/i18n/use-error-message";

type NewAccountFields = z.input<typeof createUserSchema>;

/** Accounts list (role, enable/disable) and the form that creates one. Admins only. */
export function AccountsAdmin({ initialAccounts, selfId }: { initialAccounts: Account[]; selfId: string }) {
  const [accounts, setAccounts] = useState(initialAccounts);
  const [error, setError] = useState<string>();
  const t = useTranslations("accounts");
  const roles = useTranslations("roles");
  const duties = useTranslations("roleDuties");
  const describe = useErrorMessage();
  const fieldError = useFieldErrorMessage();
  const form = useForm<NewAccountFields>({ resolver: zodResolver(createUserSchema), defaultValues: { email: "", name: "", role: "engineer", password: "" } });

  const replace = (account: Account) => setAccounts((all) => all.map((a) => (a.id === account.id ? account : a)));
  const change = async (id: string, body: { role?: Role; disabled?: boolean }) => {
    setError(undefined);
    try {
      replace(await fetchJson<Account>(`/api/users/${id}`, { method: "PATCH", body }));
    } catch (e) {
      setError(describe(e));
    }
  };
  const create = form.handleSubmit(async (fields) => {
    setError(undefined);
    try {
      const account = await fetchJson<Account>("/api/users", { method: "POST", body: fields });
      setAccounts((all) => [...all, account].sort((a, b) => a.email.localeCompare(b.email)));
      form.reset();
    } catch (e) {
      setError(describe(e));
    }
  });

  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <table className="accounts">
        <thead>
          <tr>
            <th>{t("email")}</th>
            <th>{t("name")}</th>
            <th>{t("role")}</th>
            <th>{t("state")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <td>{account.email}</td>
              <td>{account.name}</td>
              <td>
                <select
                  aria-label={t("roleOf", { email: account.email })}
                  value={account.role}
                  disabled={account.id === selfId}
                  onChange={(e) => change(account.id, { role: e.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {roles(role)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {account.disabled ? t("disabled") : t("active")}{" "}
                {account.id !== selfId && (
                  <button type="button" className="button" onClick={() => change(account.id, { disabled: !account.disabled })}>
                    {account.disabled ? t("enable") : t("disable")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form onSubmit={create} className="panel" aria-label={t("newAccount")} noValidate>
        <h2>{t("newAccount")}</h2>
        <label className="field">
          <span>{t("email")}</span>
          <input type="email" autoComplete="off" {...form.register("email")} />
        </label>
        {form.formState.errors.email && (
          <p className="field-error" role="alert">
            {t("emailError", { message: fieldError(form.formState.errors.email.message) ?? "" })}
          </p>
        )}
        <label className="field">
          <span>{t("name")}</span>
          <input {...form.register("name")} />
        </label>
        <label className="field">
          <span>{t("role")}</span>
          <select {...form.register("role")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {roles(role)}: {duties(role)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("firstPassword")}</span>
          <input type="password" autoComplete="new-password" {...form.register("password")} />
        </label>
        {form.formState.errors.password && (
          <p className="field-error" role="alert">
            {t("passwordError", { message: fieldError(form.formState.errors.password.message) ?? "" })}
          </p>
        )}
        <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
          {t("create")}
        </button>
      </form>
    </>
  );
}

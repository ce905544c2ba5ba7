"use client";

import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import type { Account } from "@/lib/auth/accounts";
import { ROLE_DUTIES, ROLES, type Role } from "@/lib/auth/roles";
import { createUserSchema } from "@/lib/auth/schemas";
import { fetchJson } from "@/lib/http/fetch-json";

type NewAccountFields = z.input<typeof createUserSchema>;

/** Accounts list (role, enable/disable) and the form that creates one. Admins only. */
export function AccountsAdmin({ initialAccounts, selfId }: { initialAccounts: Account[]; selfId: string }) {
  const [accounts, setAccounts] = useState(initialAccounts);
  const [error, setError] = useState<string>();
  const form = useForm<NewAccountFields>({ resolver: zodResolver(createUserSchema), defaultValues: { email: "", name: "", role: "engineer", password: "" } });

  const replace = (account: Account) => setAccounts((all) => all.map((a) => (a.id === account.id ? account : a)));
  const change = async (id: string, body: { role?: Role; disabled?: boolean }) => {
    setError(undefined);
    try {
      replace(await fetchJson<Account>(`/api/users/${id}`, { method: "PATCH", body }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const create = form.handleSubmit(async (fields) => {
    setError(undefined);
    try {
      const account = await fetchJson<Account>("/api/users", { method: "POST", body: fields });
      setAccounts((all) => [...all, account].sort((a, b) => a.email.localeCompare(b.email)));
      form.reset();
    } catch (e) {
      setError((e as Error).message);
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
            <th>Email</th>
            <th>Name</th>
            <th>Role</th>
            <th>State</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <td>{account.email}</td>
              <td>{account.name}</td>
              <td>
                <select
                  aria-label={`Role of ${account.email}`}
                  value={account.role}
                  disabled={account.id === selfId}
                  onChange={(e) => change(account.id, { role: e.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {account.disabled ? "disabled" : "active"}{" "}
                {account.id !== selfId && (
                  <button type="button" className="button" onClick={() => change(account.id, { disabled: !account.disabled })}>
                    {account.disabled ? "Enable" : "Disable"}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form onSubmit={create} className="panel" aria-label="New account" noValidate>
        <h2>New account</h2>
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="off" {...form.register("email")} />
        </label>
        {form.formState.errors.email && (
          <p className="field-error" role="alert">
            email: {form.formState.errors.email.message}
          </p>
        )}
        <label className="field">
          <span>Name</span>
          <input {...form.register("name")} />
        </label>
        <label className="field">
          <span>Role</span>
          <select {...form.register("role")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}: {ROLE_DUTIES[role]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>First password (give it to them; they change it on their account page after signing in)</span>
          <input type="password" autoComplete="new-password" {...form.register("password")} />
        </label>
        {form.formState.errors.password && (
          <p className="field-error" role="alert">
            password: {form.formState.errors.password.message}
          </p>
        )}
        <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
          Create account
        </button>
      </form>
    </>
  );
}

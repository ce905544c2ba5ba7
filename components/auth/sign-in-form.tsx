"use client";

import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { safeNextPath } from "@/lib/auth/next-path";
import { signInSchema } from "@/lib/auth/schemas";
import { fetchJson } from "@/lib/http/fetch-json";
import { localizePath, splitLocale } from "@/lib/i18n/paths";
import { useErrorMessage, useFieldErrorMessage } from "@/components/i18n/use-error-message";

type SignInFields = z.input<typeof signInSchema>;

export function SignInForm({ next }: { next?: string }) {
  const [error, setError] = useState<string>();
  const t = useTranslations("signIn");
  const describe = useErrorMessage();
  const fieldError = useFieldErrorMessage();
  const { register, handleSubmit, formState } = useForm<SignInFields>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  const submit = handleSubmit(async (fields) => {
    setError(undefined);
    try {
      await fetchJson("/api/auth/sign-in", { method: "POST", body: fields });
      const { locale } = splitLocale(window.location.pathname);
      window.location.assign(next === undefined ? localizePath(safeNextPath(next), locale) : safeNextPath(next));
    } catch (e) {
      setError(describe(e));
    }
  });

  return (
    <form onSubmit={submit} className="panel sign-in-form" aria-label={t("title")} noValidate>
      <label className="field">
        <span>{t("email")}</span>
        <input type="email" autoComplete="username" autoFocus {...register("email")} />
      </label>
      {formState.errors.email && (
        <p className="field-error" role="alert">
          {fieldError(formState.errors.email.message)}
        </p>
      )}
      <label className="field">
        <span>{t("password")}</span>
        <input type="password" autoComplete="current-password" {...register("password")} />
      </label>
      {formState.errors.password && (
        <p className="field-error" role="alert">
          {fieldError(formState.errors.password.message)}
        </p>
      )}
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t("submit")}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

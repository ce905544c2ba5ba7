"use client";

import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { changePasswordFormSchema } from "@/lib/auth/schemas";
import { fetchJson } from "@/lib/http/fetch-json";
import { useErrorMessage, useFieldErrorMessage } from "@/components/i18n/use-error-message";

type Fields = z.input<typeof changePasswordFormSchema>;

/** Current password, the new one twice; other browsers signed in as this user are signed out. */
export function ChangePasswordForm() {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const t = useTranslations("account");
  const describe = useErrorMessage();
  const fieldError = useFieldErrorMessage();
  const { register, handleSubmit, formState, reset } = useForm<Fields>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { current: "", password: "", repeat: "" },
  });

  const submit = handleSubmit(async ({ current, password }) => {
    setOutcome(undefined);
    try {
      await fetchJson("/api/auth/password", { method: "POST", body: { current, password } });
      reset();
      setOutcome({ ok: true, message: t("passwordChanged") });
    } catch (e) {
      setOutcome({ ok: false, message: describe(e) });
    }
  });

  const errors = formState.errors;
  return (
    <form onSubmit={submit} className="panel sign-in-form" aria-label={t("changePassword")} noValidate>
      <h2>{t("changePassword")}</h2>
      <label className="field">
        <span>{t("currentPassword")}</span>
        <input type="password" autoComplete="current-password" {...register("current")} />
      </label>
      {errors.current && (
        <p className="field-error" role="alert">
          {fieldError(errors.current.message)}
        </p>
      )}
      <label className="field">
        <span>{t("newPassword")}</span>
        <input type="password" autoComplete="new-password" {...register("password")} />
      </label>
      {errors.password && (
        <p className="field-error" role="alert">
          {fieldError(errors.password.message)}
        </p>
      )}
      <label className="field">
        <span>{t("newPasswordAgain")}</span>
        <input type="password" autoComplete="new-password" {...register("repeat")} />
      </label>
      {errors.repeat && (
        <p className="field-error" role="alert">
          {fieldError(errors.repeat.message)}
        </p>
      )}
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t("changePassword")}
      </button>
      {outcome && (
        <p className={outcome.ok ? "field-ok" : "field-error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.message}
        </p>
      )}
    </form>
  );
}

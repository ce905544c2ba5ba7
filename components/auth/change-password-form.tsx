"use client";

import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { changePasswordFormSchema } from "@/lib/auth/schemas";
import { fetchJson } from "@/lib/http/fetch-json";

type Fields = z.input<typeof changePasswordFormSchema>;

/** Current password, the new one twice; other browsers signed in as this user are signed out. */
export function ChangePasswordForm() {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string }>();
  const { register, handleSubmit, formState, reset } = useForm<Fields>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { current: "", password: "", repeat: "" },
  });

  const submit = handleSubmit(async ({ current, password }) => {
    setOutcome(undefined);
    try {
      await fetchJson("/api/auth/password", { method: "POST", body: { current, password } });
      reset();
      setOutcome({ ok: true, message: "Password changed. Other browsers signed in as you have been signed out." });
    } catch (e) {
      setOutcome({ ok: false, message: (e as Error).message });
    }
  });

  const errors = formState.errors;
  return (
    <form onSubmit={submit} className="panel sign-in-form" aria-label="Change password" noValidate>
      <h2>Change password</h2>
      <label className="field">
        <span>Current password</span>
        <input type="password" autoComplete="current-password" {...register("current")} />
      </label>
      {errors.current && (
        <p className="field-error" role="alert">
          {errors.current.message}
        </p>
      )}
      <label className="field">
        <span>New password</span>
        <input type="password" autoComplete="new-password" {...register("password")} />
      </label>
      {errors.password && (
        <p className="field-error" role="alert">
          {errors.password.message}
        </p>
      )}
      <label className="field">
        <span>New password again</span>
        <input type="password" autoComplete="new-password" {...register("repeat")} />
      </label>
      {errors.repeat && (
        <p className="field-error" role="alert">
          {errors.repeat.message}
        </p>
      )}
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        Change password
      </button>
      {outcome && (
        <p className={outcome.ok ? "field-ok" : "field-error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.message}
        </p>
      )}
    </form>
  );
}

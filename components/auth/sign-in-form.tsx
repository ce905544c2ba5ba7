"use client";

import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { safeNextPath } from "@/lib/auth/next-path";
import { signInSchema } from "@/lib/auth/schemas";
import { fetchJson } from "@/lib/http/fetch-json";

type SignInFields = z.input<typeof signInSchema>;

export function SignInForm({ next }: { next?: string }) {
  const [error, setError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<SignInFields>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  const submit = handleSubmit(async (fields) => {
    setError(undefined);
    try {
      await fetchJson("/api/auth/sign-in", { method: "POST", body: fields });
      window.location.assign(safeNextPath(next));
    } catch (e) {
      setError((e as Error).message);
    }
  });

  return (
    <form onSubmit={submit} className="panel sign-in-form" aria-label="Sign in" noValidate>
      <label className="field">
        <span>Email</span>
        <input type="email" autoComplete="username" autoFocus {...register("email")} />
      </label>
      {formState.errors.email && (
        <p className="field-error" role="alert">
          {formState.errors.email.message}
        </p>
      )}
      <label className="field">
        <span>Password</span>
        <input type="password" autoComplete="current-password" {...register("password")} />
      </label>
      {formState.errors.password && (
        <p className="field-error" role="alert">
          {formState.errors.password.message}
        </p>
      )}
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        Sign in
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

"use client";

import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";

import { fetchJson } from "@/lib/http/fetch-json";
import { createLearnerSchema, type CreateLearnerInput } from "@/lib/training/schemas";
import { useErrorMessage, useFieldErrorMessage } from "@/components/i18n/use-error-message";

import type { Learner } from "./use-learner";

/** Picks the learner by name; the same name (any case) continues the same progress. */
export function LearnerPicker({ onPicked }: { onPicked: (learner: Learner) => void }) {
  const [error, setError] = useState<string>();
  const t = useTranslations("training");
  const describe = useErrorMessage();
  const fieldError = useFieldErrorMessage();
  const { register, handleSubmit, formState } = useForm<CreateLearnerInput>({ resolver: zodResolver(createLearnerSchema), defaultValues: { name: "" } });

  const submit = handleSubmit(async ({ name }) => {
    setError(undefined);
    try {
      onPicked(await fetchJson<Learner>("/api/train/learners", { method: "POST", body: { name } }));
    } catch (e) {
      setError(describe(e));
    }
  });

  return (
    <form onSubmit={submit} className="learner-picker" aria-label={t("pickName")}>
      <label className="field">
        <span>{t("yourName")}</span>
        <input {...register("name")} autoComplete="nickname" placeholder={t("namePlaceholder")} />
      </label>
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t("startTraining")}
      </button>
      {formState.errors.name && (
        <p className="field-error" role="alert">
          {fieldError(formState.errors.name.message)}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The "who is training?" panel a drill shows until a learner is picked. */
export function LearnerPanel({ onPicked }: { onPicked: (learner: Learner) => void }) {
  const t = useTranslations("training");
  return (
    <section className="panel">
      <h2>{t("whoIsTraining")}</h2>
      <LearnerPicker onPicked={onPicked} />
    </section>
  );
}

"use client";

import { useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { fetchJson } from "@/lib/http/fetch-json";
import { createLearnerSchema, type CreateLearnerInput } from "@/lib/training/schemas";

import type { Learner } from "./use-learner";

/** Picks the learner by name; the same name (any case) continues the same progress. */
export function LearnerPicker({ onPicked }: { onPicked: (learner: Learner) => void }) {
  const [error, setError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<CreateLearnerInput>({ resolver: zodResolver(createLearnerSchema), defaultValues: { name: "" } });

  const submit = handleSubmit(async ({ name }) => {
    setError(undefined);
    try {
      onPicked(await fetchJson<Learner>("/api/train/learners", { method: "POST", body: { name } }));
    } catch (e) {
      setError((e as Error).message);
    }
  });

  return (
    <form onSubmit={submit} className="learner-picker" aria-label="Pick your name">
      <label className="field">
        <span>Your name (progress is saved under it)</span>
        <input {...register("name")} autoComplete="nickname" placeholder="e.g. Mei Chen" />
      </label>
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        Start training
      </button>
      {formState.errors.name && (
        <p className="field-error" role="alert">
          {formState.errors.name.message}
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
  return (
    <section className="panel">
      <h2>Who is training?</h2>
      <LearnerPicker onPicked={onPicked} />
    </section>
  );
}

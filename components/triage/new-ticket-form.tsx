"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { fetchJson } from "@/lib/http/fetch-json";
import { checkPastedText } from "@/lib/pasted-text";
import { outputsSchema, ticketFieldsSchema, type CreateSessionInput } from "@/lib/sessions/session-schema";
import { useLocalize } from "@/components/i18n/locale-link";
import { useErrorMessage, useFieldErrorMessage } from "@/components/i18n/use-error-message";

const outputFields = outputsSchema.element.shape;

/** The route's ticket fields plus one optional output, checked against the same size limit. */
const newTicketSchema = ticketFieldsSchema.extend({ command: outputFields.command.unwrap().trim(), output: outputFields.text }).superRefine((v, ctx) => {
  if (v.description.trim() === "" && v.output.trim() === "")
    ctx.addIssue({ code: "custom", path: ["description"], message: "Describe the ticket or paste an output" });
  checkPastedText(ctx, "description", [v.description, v.output]);
});

type NewTicket = z.input<typeof newTicketSchema>;
type NewTicketValues = z.output<typeof newTicketSchema>;

async function createSession(body: CreateSessionInput): Promise<string> {
  return (await fetchJson<{ id: string }>("/api/sessions", { method: "POST", body })).id;
}

export function NewTicketForm({ symptoms }: { symptoms: { id: string; label: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const t = useTranslations("newTicket");
  const localize = useLocalize();
  const describe = useErrorMessage();
  const fieldError = useFieldErrorMessage();
  const { register, handleSubmit, formState } = useForm<NewTicket, unknown, NewTicketValues>({
    resolver: zodResolver(newTicketSchema),
    defaultValues: { ticketRef: "", title: "", description: "", command: "", output: "" },
  });

  async function start(body: CreateSessionInput) {
    setError(undefined);
    try {
      router.push(localize(`/triage/${await createSession(body)}`));
    } catch (e) {
      setError(describe(e));
    }
  }

  const onSubmit = handleSubmit((values) =>
    start({
      ticketRef: values.ticketRef,
      title: values.title || undefined,
      description: values.description,
      outputs: values.output.trim() ? [{ ...(values.command ? { command: values.command } : {}), text: values.output }] : [],
    }),
  );

  return (
    <div className="new-ticket">
      <form onSubmit={onSubmit} className="stack" aria-label={t("formLabel")}>
        <div className="field-row">
          <label className="field">
            <span>{t("ticketRef")}</span>
            <input {...register("ticketRef")} placeholder={t("ticketRefPlaceholder")} />
          </label>
          <label className="field grow">
            <span>{t("title")}</span>
            <input {...register("title")} placeholder={t("titlePlaceholder")} />
          </label>
        </div>
        <label className="field">
          <span>{t("description")}</span>
          <textarea {...register("description")} rows={6} placeholder={t("descriptionPlaceholder")} />
          {formState.errors.description && (
            <span className="field-error" role="alert">
              {fieldError(formState.errors.description.message)}
            </span>
          )}
        </label>
        <details>
          <summary>{t("pasteOutput")}</summary>
          <div className="stack">
            <label className="field">
              <span>{t("command")}</span>
              <input {...register("command")} placeholder={t("commandPlaceholder")} className="mono" />
            </label>
            <label className="field">
              <span>{t("output")}</span>
              <textarea {...register("output")} rows={6} className="mono" />
            </label>
          </div>
        </details>
        <div>
          <button type="submit" className="button primary" disabled={formState.isSubmitting}>
            {t("start")}
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>

      <h2>{t("fromSymptom")}</h2>
      <ul className="card-grid">
        {symptoms.map((symptom) => (
          <li key={symptom.id} className="card">
            <button
              type="button"
              className="card-link card-button"
              onClick={() => start({ title: symptom.label, description: "", answers: { symptom: symptom.id } })}
            >
              <span className="card-title">{symptom.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

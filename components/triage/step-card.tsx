"use client";

import { useMemo, useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { checkPastedText } from "@/lib/pasted-text";
import { outputsSchema } from "@/lib/sessions/session-schema";
import type { NextStep } from "@/lib/triage/client-types";
import { fillCommand, readTicketFacts, type FilledCommand, type TicketText } from "@/lib/triage/fill-command";
import { useFieldErrorMessage } from "@/components/i18n/use-error-message";
import { CopyButton } from "@/components/ui/copy-button";

import { useStepWords } from "./step-words";

type Props = {
  step: NextStep;
  /** The ticket so far: placeholders are filled from it, and new output shares its size limit. */
  ticket: TicketText;
  onAnswer: (id: string, value: string) => void;
  onOutput: (command: string, text: string) => void;
  onConfirm: (cause: string) => void;
};

const answerSchema = z.object({ answer: z.string().min(1, "Choose an answer") });
/** One more output for the session, within the size limit it shares with what is already pasted. */
function outputFormSchema(pastedTexts: readonly string[]) {
  return z
    .object({ text: outputsSchema.element.shape.text.refine((text) => text.trim() !== "", "Paste the output first") })
    .superRefine(({ text }, ctx) => checkPastedText(ctx, "text", [...pastedTexts, text]));
}

export function StepCard({ step, ticket, onAnswer, onOutput, onConfirm }: Props) {
  const t = useTranslations("step");
  return (
    <section className="step-card" aria-labelledby="next-step-title" data-step-id={step.id} data-step-kind={step.kind}>
      <p className="eyebrow">{t(`eyebrow.${step.kind}`)}</p>
      <h2 id="next-step-title">{step.text}</h2>
      <p className="why">
        <strong>{t("why")}</strong> {step.why}
      </p>
      {step.outcomes && step.outcomes.length > 0 && (
        <ul className="outcomes" aria-label={t("outcomes")}>
          {step.outcomes.map((outcome) => (
            <li key={outcome}>{outcome}</li>
          ))}
        </ul>
      )}
      {step.kind === "command" && <CommandStep key={step.id} step={step} ticket={ticket} onAnswer={onAnswer} onOutput={onOutput} />}
      {step.kind === "question" && <QuestionStep key={step.id} step={step} onAnswer={onAnswer} onConfirm={onConfirm} />}
      {step.kind === "fix" && <FixStep step={step} />}
    </section>
  );
}

function QuestionStep({ step, onAnswer, onConfirm }: Pick<Props, "step" | "onAnswer" | "onConfirm">) {
  const t = useTranslations("step");
  const fieldError = useFieldErrorMessage();
  const { register, handleSubmit, formState } = useForm<{ answer: string }>({ resolver: zodResolver(answerSchema) });
  const submit = handleSubmit(({ answer }) => {
    if (step.confirms && answer === "yes") onConfirm(step.confirms);
    else onAnswer(step.id, answer);
  });
  return (
    <form onSubmit={submit} className="stack" aria-label={t("answerTheQuestion")}>
      <fieldset className="answers">
        <legend className="visually-hidden">{step.text}</legend>
        {step.answers?.map((answer) => (
          <label key={answer.value} className="answer-option">
            <input type="radio" value={answer.value} {...register("answer")} />
            <span>{answer.label}</span>
          </label>
        ))}
      </fieldset>
      {formState.errors.answer && (
        <p className="field-error" role="alert">
          {fieldError(formState.errors.answer.message)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary">
          {t("answer")}
        </button>
        {!step.confirms && (
          <button type="button" className="button" onClick={() => onAnswer(step.id, "skip")}>
            {t("dontKnow")}
          </button>
        )}
      </div>
    </form>
  );
}

function CommandStep({ step, ticket, onAnswer, onOutput }: Pick<Props, "step" | "ticket" | "onAnswer" | "onOutput">) {
  const variants = Object.entries(step.commands ?? { default: step.command ?? "" });
  const [variant, setVariant] = useState(variants[0]?.[0] ?? "default");
  const [edited, setEdited] = useState<Record<string, string>>({});
  const facts = useMemo(() => readTicketFacts(ticket), [ticket]);
  const template = step.commands?.[variant] ?? step.command ?? "";
  const filled = useMemo(() => fillCommand(template, facts, edited), [template, facts, edited]);
  const schema = useMemo(() => outputFormSchema([ticket.description, ...ticket.outputs.map((o) => o.text)]), [ticket]);
  const { register, handleSubmit, formState, reset } = useForm<{ text: string }>({ resolver: zodResolver(schema) });
  const submit = handleSubmit(({ text }) => {
    onOutput(filled.command, text);
    reset();
  });
  const t = useTranslations("step");
  const fieldError = useFieldErrorMessage();
  const { whereToRun } = useStepWords();
  const where = step.whereText ?? whereToRun(step.where);

  return (
    <div className="stack">
      {where && <p className="where">{t.rich("runIt", { where, strong: (chunks) => <strong>{chunks}</strong> })}</p>}
      {variants.length > 1 && (
        <div className="variant-tabs" role="group" aria-label={t("platform")}>
          {variants.map(([name]) => (
            <button
              key={name}
              type="button"
              aria-pressed={name === variant}
              className={name === variant ? "tab active" : "tab"}
              onClick={() => setVariant(name)}
            >
              {name === "default" ? "Linux" : name}
            </button>
          ))}
        </div>
      )}
      <div className="code-block" data-code-block data-kind="command">
        <div className="code-block-bar">
          <span className="code-block-kind">{t("command")}</span>
          <CopyButton
            text={filled.command}
            label={
              filled.unfilled.length === 0
                ? undefined
                : t("copyWithPlaceholders", { count: filled.unfilled.length, names: filled.unfilled.map((name) => `<${name}>`).join(", ") })
            }
          />
        </div>
        <pre className="command-line" data-testid="next-command">
          <code>
            {filled.segments.map((segment, i) =>
              segment.kind === "text" ? (
                <span key={i}>{segment.text}</span>
              ) : segment.value === undefined ? (
                <mark key={i} className="placeholder placeholder-unfilled" title={t("unfilledTitle")}>
                  {`<${segment.name}>`}
                </mark>
              ) : (
                <span
                  key={i}
                  className="placeholder placeholder-filled"
                  title={t(segment.from === "edited" ? "filledTyped" : segment.from === "output" ? "filledOutput" : "filledTicket", {
                    name: `<${segment.name}>`,
                  })}
                >
                  {segment.value}
                </span>
              ),
            )}
          </code>
        </pre>
      </div>
      <PlaceholderFields filled={filled} edited={edited} onEdit={setEdited} />
      <p className="look-for">
        <strong>{t("lookFor")}</strong> {step.lookFor}
      </p>
      <form onSubmit={submit} className="stack" aria-label={t("pasteTheOutput")}>
        <label className="field">
          <span>{t("pasteItsOutput")}</span>
          <textarea {...register("text")} rows={8} className="mono" placeholder={t("outputPlaceholder")} />
        </label>
        {formState.errors.text && (
          <p className="field-error" role="alert">
            {fieldError(formState.errors.text.message)}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button primary">
            {t("readOutput")}
          </button>
          <button type="button" className="button" onClick={() => onAnswer(step.id, "skip")}>
            {t("cantRun")}
          </button>
        </div>
      </form>
    </div>
  );
}

function FixStep({ step }: { step: NextStep }) {
  const t = useTranslations("step");
  return (
    <div className="stack">
      <pre className="fix-text">{step.fix}</pre>
      {step.verify && step.verify.length > 0 && (
        <>
          <h3>{t("howToVerify")}</h3>
          <ul>
            {step.verify.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** One field per placeholder name, filled with what the ticket gave; typing replaces it in the command. */
function PlaceholderFields({
  filled,
  edited,
  onEdit,
}: {
  filled: FilledCommand;
  edited: Record<string, string>;
  onEdit: (edited: Record<string, string>) => void;
}) {
  const t = useTranslations("step");
  const placeholders = new Map<string, { found?: string; from?: string }>();
  for (const segment of filled.segments) {
    if (segment.kind === "placeholder" && !placeholders.has(segment.name))
      placeholders.set(segment.name, { found: segment.from === "edited" ? undefined : segment.value, from: segment.from });
  }
  if (placeholders.size === 0) return null;
  return (
    <fieldset className="placeholder-fields">
      <legend>{t("values")}</legend>
      {[...placeholders].map(([name, { found, from }]) => (
        <label key={name} className={`field placeholder-field${filled.unfilled.includes(name) ? " is-unfilled" : ""}`}>
          <span>
            <code>{`<${name}>`}</code>{" "}
            {t(filled.unfilled.includes(name) ? "valueMissing" : from === "edited" ? "valueTyped" : from === "output" ? "valueOutput" : "valueTicket")}
          </span>
          <input className="mono" value={edited[name] ?? found ?? ""} placeholder={name} onChange={(e) => onEdit({ ...edited, [name]: e.target.value })} />
        </label>
      ))}
    </fieldset>
  );
}

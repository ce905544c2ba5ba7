"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";

import type { NextStep } from "@/lib/triage/client-types";
import { CopyButton } from "@/components/ui/copy-button";

type Props = {
  step: NextStep;
  onAnswer: (id: string, value: string) => void;
  onOutput: (command: string, text: string) => void;
  onConfirm: (cause: string) => void;
};

const EYEBROWS: Record<NextStep["kind"], string> = { question: "Next question", command: "Next command", fix: "Confirmed: fix and verify" };

const answerSchema = z.object({ answer: z.string().min(1, "Choose an answer") });
const outputSchema = z.object({ text: z.string().trim().min(1, "Paste the output first").max(5_000_000) });

export function StepCard({ step, onAnswer, onOutput, onConfirm }: Props) {
  return (
    <section className="step-card" aria-labelledby="next-step-title" data-step-id={step.id} data-step-kind={step.kind}>
      <p className="eyebrow">{EYEBROWS[step.kind]}</p>
      <h2 id="next-step-title">{step.text}</h2>
      <p className="why">
        <strong>Why this step:</strong> {step.why}
      </p>
      {step.outcomes && step.outcomes.length > 0 && (
        <ul className="outcomes" aria-label="What each outcome would mean">
          {step.outcomes.map((outcome) => (
            <li key={outcome}>{outcome}</li>
          ))}
        </ul>
      )}
      {step.kind === "command" && <CommandStep key={step.id} step={step} onAnswer={onAnswer} onOutput={onOutput} />}
      {step.kind === "question" && <QuestionStep key={step.id} step={step} onAnswer={onAnswer} onConfirm={onConfirm} />}
      {step.kind === "fix" && <FixStep step={step} />}
    </section>
  );
}

function QuestionStep({ step, onAnswer, onConfirm }: Pick<Props, "step" | "onAnswer" | "onConfirm">) {
  const { register, handleSubmit, formState } = useForm<{ answer: string }>({ resolver: zodResolver(answerSchema) });
  const submit = handleSubmit(({ answer }) => {
    if (step.confirms && answer === "yes") onConfirm(step.confirms);
    else onAnswer(step.id, answer);
  });
  return (
    <form onSubmit={submit} className="stack" aria-label="Answer the question">
      <fieldset className="answers">
        <legend className="visually-hidden">{step.text}</legend>
        {step.answers?.map((answer) => (
          <label key={answer.value} className="answer-option">
            <input type="radio" value={answer.value} {...register("answer")} />
            <span>{answer.label}</span>
          </label>
        ))}
      </fieldset>
      {formState.errors.answer && <p className="field-error" role="alert">{formState.errors.answer.message}</p>}
      <div className="button-row">
        <button type="submit" className="button primary">
          Answer
        </button>
        {!step.confirms && (
          <button type="button" className="button" onClick={() => onAnswer(step.id, "skip")}>
            Don&apos;t know
          </button>
        )}
      </div>
    </form>
  );
}

function CommandStep({ step, onAnswer, onOutput }: Pick<Props, "step" | "onAnswer" | "onOutput">) {
  const variants = Object.entries(step.commands ?? { default: step.command ?? "" });
  const [variant, setVariant] = useState(variants[0]?.[0] ?? "default");
  // The default variant comes filled from the ticket where it can be (see lib/triage/fill-command.ts).
  const command = variant === "default" && step.filled ? step.filled.command : (step.commands?.[variant] ?? step.command ?? "");
  const unfilled = variant === "default" && step.filled ? step.filled.unfilled : [];
  const { register, handleSubmit, formState, reset } = useForm<{ text: string }>({ resolver: zodResolver(outputSchema) });
  const submit = handleSubmit(({ text }) => {
    onOutput(command, text);
    reset();
  });

  return (
    <div className="stack">
      <p className="where">
        Where: <strong>{step.whereText ?? step.where}</strong>
      </p>
      {variants.length > 1 && (
        <div className="variant-tabs" role="tablist" aria-label="Platform">
          {variants.map(([name]) => (
            <button key={name} type="button" role="tab" aria-selected={name === variant} className={name === variant ? "tab active" : "tab"} onClick={() => setVariant(name)}>
              {name === "default" ? "Linux" : name}
            </button>
          ))}
        </div>
      )}
      <div className="code-block" data-code-block data-kind="command">
        <div className="code-block-bar">
          <span className="code-block-kind">command</span>
          <CopyButton label="Copy command" />
        </div>
        <pre>
          <code>{command}</code>
        </pre>
      </div>
      {unfilled.length > 0 && (
        <p className="card-meta" data-unfilled>
          Fill in before running: {unfilled.map((name) => `<${name}>`).join(", ")}
        </p>
      )}
      <p className="look-for">
        <strong>Look for:</strong> {step.lookFor}
      </p>
      <form onSubmit={submit} className="stack" aria-label="Paste the output">
        <label className="field">
          <span>Paste its output</span>
          <textarea {...register("text")} rows={8} className="mono" placeholder="Paste the whole output; two snapshots of counters are compared." />
        </label>
        {formState.errors.text && <p className="field-error" role="alert">{formState.errors.text.message}</p>}
        <div className="button-row">
          <button type="submit" className="button primary">
            Read output
          </button>
          <button type="button" className="button" onClick={() => onAnswer(step.id, "skip")}>
            Can&apos;t run this
          </button>
        </div>
      </form>
    </div>
  );
}

function FixStep({ step }: { step: NextStep }) {
  return (
    <div className="stack">
      <pre className="fix-text">{step.fix}</pre>
      {step.verify && step.verify.length > 0 && (
        <>
          <h3>How to verify</h3>
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

"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { fetchJson } from "@/lib/http/fetch-json";
import type { TicketPrompt } from "@/lib/training/exercise";
import type { AttemptResult } from "@/lib/training/practice";
import { MAX_DURATION_MS } from "@/lib/training/schemas";
import type { TicketFeedback } from "@/lib/training/scoring";

import { DrillResult } from "./drill-result";
import { LearnerPanel } from "./learner-picker";
import { InlineMarkdown, TextBlocks } from "./text-blocks";
import { useLearner } from "./use-learner";

const stepSchema = z.object({ stepId: z.string().min(1, "Choose what you would do first") });
const causeSchema = z.object({ causeId: z.string().min(1, "Choose the root cause") });

/** Issue and Environment, then: first step, the revealed output, the root cause, the explanation. */
export function TicketDrillView({ prompt }: { prompt: TicketPrompt }) {
  const { learner, knownLearner, setLearner } = useLearner();
  const startedAt = useRef(0);
  const [stepId, setStepId] = useState<string>();
  const [result, setResult] = useState<{ value: AttemptResult; durationMs: number }>();
  const [error, setError] = useState<string>();
  const stepForm = useForm<z.infer<typeof stepSchema>>({ resolver: zodResolver(stepSchema), defaultValues: { stepId: "" } });
  const causeForm = useForm<z.infer<typeof causeSchema>>({ resolver: zodResolver(causeSchema), defaultValues: { causeId: "" } });
  const revealRef = useRef<HTMLElement>(null);

  useEffect(() => {
    startedAt.current = Date.now();
  }, []);
  useEffect(() => {
    if (stepId) revealRef.current?.focus();
  }, [stepId]);

  const chooseStep = stepForm.handleSubmit(({ stepId: chosen }) => setStepId(chosen));
  const submit = causeForm.handleSubmit(async ({ causeId }) => {
    setError(undefined);
    const durationMs = Math.min(Date.now() - startedAt.current, MAX_DURATION_MS);
    const current = await knownLearner();
    if (!current || !stepId) return setError("Pick your name first: the score is saved under it.");
    try {
      const value = await fetchJson<AttemptResult>("/api/train/attempts", {
        method: "POST",
        body: {
          learnerId: current.id,
          exerciseId: prompt.id,
          durationMs,
          answer: { kind: "ticket", stepId, causeId },
        },
      });
      setResult({ value, durationMs });
    } catch (e) {
      setError((e as Error).message);
    }
  });
  const chosenStep = prompt.steps.find((s) => s.id === stepId);
  const feedback = result?.value.feedback.kind === "ticket" ? result.value.feedback : undefined;

  return (
    <div className="drill">
      {learner === null && <LearnerPanel onPicked={setLearner} />}

      <article className="ticket" aria-labelledby="ticket-title">
        <h2 id="ticket-title">The ticket</h2>
        <p className="card-meta">Decision tree: {prompt.symptomLabel}</p>
        <h3>Issue</h3>
        <TextBlocks blocks={prompt.issue} />
        {prompt.environment.length > 0 && (
          <>
            <h3>Environment</h3>
            <TextBlocks blocks={prompt.environment} />
          </>
        )}
      </article>

      <form onSubmit={chooseStep} className="drill-step" aria-label="First step">
        <fieldset className="answers" disabled={!!stepId}>
          <legend>1. What do you run or ask first?</legend>
          {prompt.steps.map((step) => (
            <label key={step.id} className="answer-option">
              <input type="radio" value={step.id} {...stepForm.register("stepId")} />
              <span>
                {step.kind === "command" && <span className="badge">run</span>} {step.label}
              </span>
            </label>
          ))}
        </fieldset>
        {stepForm.formState.errors.stepId && (
          <p className="field-error" role="alert">
            {stepForm.formState.errors.stepId.message}
          </p>
        )}
        {!stepId && (
          <button type="submit" className="button primary">
            Take this step
          </button>
        )}
      </form>

      {stepId && (
        <section className="drill-reveal" aria-labelledby="reveal-title" tabIndex={-1} ref={revealRef}>
          <h2 id="reveal-title">2. What the case showed</h2>
          <p className="card-meta">You chose: {chosenStep?.label}. Whatever you chose, here is what cracked the case.</p>
          {prompt.reveal.kind === "output" ? (
            <>
              {prompt.reveal.command && (
                <pre className="drill-code" data-kind="command">
                  <code>{prompt.reveal.command}</code>
                </pre>
              )}
              <pre className="drill-code" data-kind="output" data-testid="telling-output">
                <code>{prompt.reveal.output}</code>
              </pre>
            </>
          ) : (
            <>
              <p>This case quotes no raw output, so here is what its diagnosis found (cause names hidden):</p>
              <TextBlocks blocks={prompt.reveal.blocks} />
            </>
          )}

          <form onSubmit={submit} className="drill-step" aria-label="Root cause">
            <fieldset className="answers" disabled={!!result}>
              <legend>3. What is the root cause?</legend>
              {prompt.causes.map((cause) => (
                <label key={cause.id} className="answer-option">
                  <input type="radio" value={cause.id} {...causeForm.register("causeId")} />
                  <span>{cause.title}</span>
                </label>
              ))}
            </fieldset>
            {causeForm.formState.errors.causeId && (
              <p className="field-error" role="alert">
                {causeForm.formState.errors.causeId.message}
              </p>
            )}
            {!result && (
              <button type="submit" className="button primary" disabled={causeForm.formState.isSubmitting}>
                Submit answer
              </button>
            )}
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
          </form>
        </section>
      )}

      {result && feedback && (
        <section className="drill-feedback" aria-labelledby="feedback-title">
          <h2 id="feedback-title">4. How you did</h2>
          <DrillResult
            result={result.value}
            durationMs={result.durationMs}
            parts={[
              { label: "First step", right: feedback.score.stepCorrect },
              { label: "Root cause", right: feedback.score.causeCorrect },
            ]}
          />
          <TicketExplanation feedback={feedback} />
        </section>
      )}
    </div>
  );
}

function TicketExplanation({ feedback }: { feedback: TicketFeedback }) {
  return (
    <div className="stack">
      <p>
        The root cause: <Link href={`/causes/${feedback.cause.id}`}>{feedback.cause.title}</Link>
        {feedback.chosenCause.id !== feedback.cause.id && <> (you chose {feedback.chosenCause.title})</>}. Case:{" "}
        <Link href={`/cases/${feedback.caseId}`}>{feedback.caseTitle}</Link>
      </p>
      <h3>First steps</h3>
      <ul className="step-feedback">
        {feedback.steps.map((step) => (
          <li key={step.id} className={step.right ? "is-right" : "is-wrong"} data-chosen={step.id === feedback.chosenStep.id || undefined}>
            <span className={step.right ? "mark-right" : "mark-wrong"}>{step.right ? "good first step" : "not the best first step"}</span>
            {step.id === feedback.chosenStep.id && <span className="badge">your choice</span>}
            <strong>
              <InlineMarkdown text={step.title} />
            </strong>
            {step.command && (
              <pre className="drill-code" data-kind="command">
                <code>{step.command}</code>
              </pre>
            )}
            <span className="card-meta">
              <InlineMarkdown text={step.why} />
            </span>
          </li>
        ))}
      </ul>
      <h3>The case&apos;s reasoning</h3>
      <TextBlocks blocks={feedback.reasoning} />
      {feedback.evidence.length > 0 && (
        <>
          <h3>What the triage engine reads in this case</h3>
          <ul className="evidence-list">
            {feedback.evidence.map((item) => (
              <li key={item.signal} className="evidence">
                <span>
                  <code>{item.line}</code>
                  <span className="evidence-detail">
                    <InlineMarkdown text={item.meaning} />
                    {item.detail && (
                      <>
                        {" "}
                        (<InlineMarkdown text={item.detail} />)
                      </>
                    )}
                    . Speaks for: {item.favours.map((f) => f.title).join("; ")}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {feedback.spotNextTime.length > 0 && (
        <>
          <h3>How to spot it next time</h3>
          <TextBlocks blocks={feedback.spotNextTime} />
        </>
      )}
    </div>
  );
}

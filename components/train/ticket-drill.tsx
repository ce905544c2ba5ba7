"use client";

import { useEffect, useRef, useState } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { fetchJson } from "@/lib/http/fetch-json";
import type { TicketPrompt } from "@/lib/training/exercise";
import type { AttemptResult } from "@/lib/training/practice";
import { MAX_DURATION_MS } from "@/lib/training/schemas";
import type { TicketFeedback } from "@/lib/training/scoring";
import { LocaleLink } from "@/components/i18n/locale-link";
import { useErrorMessage, useFieldErrorMessage } from "@/components/i18n/use-error-message";

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
  const t = useTranslations("drill");
  const lang = useLocale();
  const describe = useErrorMessage();
  const fieldError = useFieldErrorMessage();

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
    if (!current || !stepId) return setError(t("pickNameFirst"));
    try {
      const value = await fetchJson<AttemptResult>("/api/train/attempts", {
        method: "POST",
        body: {
          learnerId: current.id,
          exerciseId: prompt.id,
          durationMs,
          answer: { kind: "ticket", stepId, causeId },
          lang,
        },
      });
      setResult({ value, durationMs });
    } catch (e) {
      setError(describe(e));
    }
  });
  const chosenStep = prompt.steps.find((s) => s.id === stepId);
  const feedback = result?.value.feedback.kind === "ticket" ? result.value.feedback : undefined;

  return (
    <div className="drill">
      {learner === null && <LearnerPanel onPicked={setLearner} />}

      <article className="ticket" aria-labelledby="ticket-title">
        <h2 id="ticket-title">{t("theTicket")}</h2>
        <p className="card-meta">{t("decisionTree", { symptom: prompt.symptomLabel })}</p>
        <h3>{t("issue")}</h3>
        <TextBlocks blocks={prompt.issue} />
        {prompt.environment.length > 0 && (
          <>
            <h3>{t("environment")}</h3>
            <TextBlocks blocks={prompt.environment} />
          </>
        )}
      </article>

      <form onSubmit={chooseStep} className="drill-step" aria-label={t("firstStep")}>
        <fieldset className="answers" disabled={!!stepId}>
          <legend>{t("question1")}</legend>
          {prompt.steps.map((step) => (
            <label key={step.id} className="answer-option">
              <input type="radio" value={step.id} {...stepForm.register("stepId")} />
              <span>
                {step.kind === "command" && <span className="badge">{t("run")}</span>} {step.label}
              </span>
            </label>
          ))}
        </fieldset>
        {stepForm.formState.errors.stepId && (
          <p className="field-error" role="alert">
            {fieldError(stepForm.formState.errors.stepId.message)}
          </p>
        )}
        {!stepId && (
          <button type="submit" className="button primary">
            {t("takeStep")}
          </button>
        )}
      </form>

      {stepId && (
        <section className="drill-reveal" aria-labelledby="reveal-title" tabIndex={-1} ref={revealRef}>
          <h2 id="reveal-title">{t("question2")}</h2>
          <p className="card-meta">{t("youChose", { step: chosenStep?.label ?? "" })}</p>
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
              <p>{t("noOutput")}</p>
              <TextBlocks blocks={prompt.reveal.blocks} />
            </>
          )}

          <form onSubmit={submit} className="drill-step" aria-label={t("rootCause")}>
            <fieldset className="answers" disabled={!!result}>
              <legend>{t("question3")}</legend>
              {prompt.causes.map((cause) => (
                <label key={cause.id} className="answer-option">
                  <input type="radio" value={cause.id} {...causeForm.register("causeId")} />
                  <span>{cause.title}</span>
                </label>
              ))}
            </fieldset>
            {causeForm.formState.errors.causeId && (
              <p className="field-error" role="alert">
                {fieldError(causeForm.formState.errors.causeId.message)}
              </p>
            )}
            {!result && (
              <button type="submit" className="button primary" disabled={causeForm.formState.isSubmitting}>
                {t("submit")}
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
          <h2 id="feedback-title">{t("question4")}</h2>
          <DrillResult
            result={result.value}
            durationMs={result.durationMs}
            parts={[
              { label: t("firstStep"), right: feedback.score.stepCorrect },
              { label: t("rootCause"), right: feedback.score.causeCorrect },
            ]}
          />
          <TicketExplanation feedback={feedback} />
        </section>
      )}
    </div>
  );
}

function TicketExplanation({ feedback }: { feedback: TicketFeedback }) {
  const t = useTranslations("drill");
  return (
    <div className="stack">
      <p>
        {t("theRootCause")} <LocaleLink href={`/causes/${feedback.cause.id}`}>{feedback.cause.title}</LocaleLink>
        {feedback.chosenCause.id !== feedback.cause.id && <> {t("youChoseCause", { cause: feedback.chosenCause.title })}</>}
        {t("sentenceEnd")} {t("case")} <LocaleLink href={`/cases/${feedback.caseId}`}>{feedback.caseTitle}</LocaleLink>
      </p>
      <h3>{t("firstSteps")}</h3>
      <ul className="step-feedback">
        {feedback.steps.map((step) => (
          <li key={step.id} className={step.right ? "is-right" : "is-wrong"} data-chosen={step.id === feedback.chosenStep.id || undefined}>
            <span className={step.right ? "mark-right" : "mark-wrong"}>{t(step.right ? "goodStep" : "notBestStep")}</span>
            {step.id === feedback.chosenStep.id && <span className="badge">{t("yourChoice")}</span>}
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
      <h3>{t("reasoning")}</h3>
      <TextBlocks blocks={feedback.reasoning} />
      {feedback.evidence.length > 0 && (
        <>
          <h3>{t("engineReads")}</h3>
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
                    {t("sentenceEnd")} {t("speaksFor", { causes: item.favours.map((f) => f.title).join(t("listSeparator")) })}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {feedback.spotNextTime.length > 0 && (
        <>
          <h3>{t("spotNextTime")}</h3>
          <TextBlocks blocks={feedback.spotNextTime} />
        </>
      )}
    </div>
  );
}

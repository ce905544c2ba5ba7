"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";

import { fetchJson } from "@/lib/http/fetch-json";
import type { SignalPrompt } from "@/lib/training/exercise";
import type { AttemptResult } from "@/lib/training/practice";
import { MAX_DURATION_MS } from "@/lib/training/schemas";
import { LocaleLink } from "@/components/i18n/locale-link";
import { useErrorMessage } from "@/components/i18n/use-error-message";

import { DrillResult } from "./drill-result";
import { LearnerPanel } from "./learner-picker";
import { InlineMarkdown } from "./text-blocks";
import { useLearner } from "./use-learner";

/** Moves focus between the line buttons with the arrow keys. */
function moveFocus(event: KeyboardEvent<HTMLOListElement>) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index === -1) return;
  event.preventDefault();
  buttons[Math.min(buttons.length - 1, Math.max(0, index + (event.key === "ArrowDown" ? 1 : -1)))].focus();
}

/** A quoted output, one button per line; the learner clicks the line that matters. */
export function SignalDrillView({ prompt }: { prompt: SignalPrompt }) {
  const { learner, knownLearner, setLearner } = useLearner();
  const startedAt = useRef(0);
  const [chosen, setChosen] = useState<number>();
  const t = useTranslations("drill");
  const lang = useLocale();
  const describe = useErrorMessage();
  const [result, setResult] = useState<{ value: AttemptResult; durationMs: number }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    startedAt.current = Date.now();
  }, []);

  async function choose(line: number) {
    setError(undefined);
    setChosen(line);
    const durationMs = Math.min(Date.now() - startedAt.current, MAX_DURATION_MS);
    const current = await knownLearner();
    if (!current) {
      setChosen(undefined);
      return setError(t("pickNameFirst"));
    }
    try {
      const value = await fetchJson<AttemptResult>("/api/train/attempts", {
        method: "POST",
        body: { learnerId: current.id, exerciseId: prompt.id, durationMs, answer: { kind: "signal", line }, lang },
      });
      setResult({ value, durationMs });
    } catch (e) {
      setChosen(undefined);
      setError(describe(e));
    }
  }

  const feedback = result?.value.feedback.kind === "signal" ? result.value.feedback : undefined;
  const tellingByLine = new Map(feedback?.telling.map((t) => [t.lineNumber, t]));

  return (
    <div className="drill">
      {learner === null && <LearnerPanel onPicked={setLearner} />}
      <section aria-labelledby="signal-title">
        <h2 id="signal-title">{t("whichLine")}</h2>
        <p className="card-meta">{t("signalAbout", { source: prompt.source })}</p>
        {prompt.command && (
          <pre className="drill-code" data-kind="command">
            <code>{prompt.command}</code>
          </pre>
        )}
        <ol className="output-lines" onKeyDown={moveFocus} aria-label={t("outputLines")}>
          {prompt.lines.map((line, i) => {
            const lineNumber = i + 1;
            const telling = tellingByLine.get(lineNumber);
            const state = feedback ? (telling ? "telling" : lineNumber === chosen ? "missed" : "plain") : lineNumber === chosen ? "chosen" : "plain";
            return (
              <li key={lineNumber} data-state={state}>
                <button type="button" className="output-line" disabled={chosen !== undefined} onClick={() => void choose(lineNumber)}>
                  <span className="line-number" aria-hidden="true">
                    {lineNumber}
                  </span>
                  <span className="visually-hidden">{t("line", { number: lineNumber })}</span>
                  <code>{line || <span className="visually-hidden">{t("emptyLine")}</span>}</code>
                </button>
                {telling && (
                  <ul className="line-notes">
                    {telling.evidence.map((item) => (
                      <li key={item.signal}>
                        <strong>
                          <InlineMarkdown text={item.meaning} />
                        </strong>
                        {item.detail && (
                          <>
                            {" "}
                            (<InlineMarkdown text={item.detail} />)
                          </>
                        )}
                        {item.favours.length > 0 && (
                          <>
                            {t("sentenceEnd")} {t("pointsTo")}{" "}
                            {item.favours.map((f, j) => (
                              <span key={f.id}>
                                {j > 0 && t("listSeparator")}
                                <LocaleLink href={`/causes/${f.id}`}>{f.title}</LocaleLink>
                              </span>
                            ))}
                          </>
                        )}
                        {lineNumber === chosen && <span className="badge">{t("yourChoice")}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </section>
      {result && feedback && (
        <section className="drill-feedback" aria-labelledby="feedback-title">
          <h2 id="feedback-title">{t("howYouDid")}</h2>
          <DrillResult result={result.value} durationMs={result.durationMs} parts={[{ label: t("lineLabel"), right: feedback.score.lineCorrect }]} />
          <p>
            {t.rich("signalFeedback", {
              count: feedback.telling.length,
              case: (chunks) => <LocaleLink href={`/cases/${feedback.caseId}`}>{chunks}</LocaleLink>,
              cause: (chunks) => <LocaleLink href={`/causes/${feedback.cause.id}`}>{chunks}</LocaleLink>,
              caseTitle: feedback.caseTitle,
              causeTitle: feedback.cause.title,
            })}
          </p>
        </section>
      )}
    </div>
  );
}

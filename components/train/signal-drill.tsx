"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import Link from "next/link";

import { fetchJson } from "@/lib/http/fetch-json";
import type { SignalPrompt } from "@/lib/training/exercise";
import type { AttemptResult } from "@/lib/training/practice";
import { MAX_DURATION_MS } from "@/lib/training/schemas";

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
      return setError("Pick your name first: the score is saved under it.");
    }
    try {
      const value = await fetchJson<AttemptResult>("/api/train/attempts", {
        method: "POST",
        body: { learnerId: current.id, exerciseId: prompt.id, durationMs, answer: { kind: "signal", line } },
      });
      setResult({ value, durationMs });
    } catch (e) {
      setChosen(undefined);
      setError((e as Error).message);
    }
  }

  const feedback = result?.value.feedback.kind === "signal" ? result.value.feedback : undefined;
  const tellingByLine = new Map(feedback?.telling.map((t) => [t.lineNumber, t]));

  return (
    <div className="drill">
      {learner === null && <LearnerPanel onPicked={setLearner} />}
      <section aria-labelledby="signal-title">
        <h2 id="signal-title">Which line matters?</h2>
        <p className="card-meta">
          A {prompt.source} output quoted in a real case. Click the line (or focus it and press Enter; arrow keys move between lines).
        </p>
        {prompt.command && (
          <pre className="drill-code" data-kind="command">
            <code>{prompt.command}</code>
          </pre>
        )}
        <ol className="output-lines" onKeyDown={moveFocus} aria-label="Output lines">
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
                  <span className="visually-hidden">Line {lineNumber}: </span>
                  <code>{line || <span className="visually-hidden">(empty)</span>}</code>
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
                            . Points to{" "}
                            {item.favours.map((f, j) => (
                              <span key={f.id}>
                                {j > 0 && "; "}
                                <Link href={`/causes/${f.id}`}>{f.title}</Link>
                              </span>
                            ))}
                          </>
                        )}
                        {lineNumber === chosen && <span className="badge">your choice</span>}
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
          <h2 id="feedback-title">How you did</h2>
          <DrillResult result={result.value} durationMs={result.durationMs} parts={[{ label: "Line", right: feedback.score.lineCorrect }]} />
          <p>
            {feedback.telling.length === 1 ? "The telling line is marked above" : `The ${feedback.telling.length} telling lines are marked above`}, with what
            the evidence parsers read in each. The output comes from <Link href={`/cases/${feedback.caseId}`}>{feedback.caseTitle}</Link>; progress is filed
            under <Link href={`/causes/${feedback.cause.id}`}>{feedback.cause.title}</Link>.
          </p>
        </section>
      )}
    </div>
  );
}

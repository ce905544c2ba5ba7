import Link from "next/link";

import type { AttemptResult } from "@/lib/training/practice";

import { formatDueIn, formatDuration } from "./format";

/** Score summary, when the drill comes back, and the way on. */
export function DrillResult({ result, durationMs, parts }: { result: AttemptResult; durationMs: number; parts: { label: string; right: boolean | null }[] }) {
  return (
    <div className={`drill-score ${result.feedback.score.correct ? "is-right" : "is-wrong"}`} role="status" data-testid="drill-score">
      <p className="drill-score-parts">
        {parts.map((part) => (
          <span key={part.label} className={part.right ? "mark-right" : "mark-wrong"}>
            {part.label}: {part.right ? "right" : "wrong"}
          </span>
        ))}
        <span>Time: {formatDuration(durationMs)}</span>
      </p>
      <p className="card-meta">
        {result.feedback.score.correct ? "Well done." : "This one comes back soon."} Next review {formatDueIn(result.review.dueAt)} (box {result.review.box}).
      </p>
      <p className="button-row">
        {result.next && (
          <Link href={`/train/${result.next.id}`} className="button primary">
            Next drill
          </Link>
        )}
        <Link href="/train" className="button">
          All drills
        </Link>
      </p>
    </div>
  );
}

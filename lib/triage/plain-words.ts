import type { RootCauseId } from "../content/root-cause-ids";
import { weightOf, type SignalId } from "../evidence/signals";
import { canDecide } from "./decisive";
import type { Lang } from "./language";
import { PARSER_SIGNALS } from "./parser-signals";
import type { CommandNode, QuestionNode } from "./tree-schema";
import { shortMeaning, WORDS } from "./words";

/** A word for a probability, as an engineer would say it. */
export function likelihoodWord(probability: number, lang: Lang = "en"): string {
  const [almostCertain, likely, possible, lessLikely, unlikely] = WORDS[lang].likelihood;
  if (probability >= 0.9) return almostCertain;
  if (probability >= 0.65) return likely;
  if (probability >= 0.35) return possible;
  if (probability >= 0.1) return lessLikely;
  return unlikely;
}

/** The counters and rules of a command are read from outputs; a counter that rose counts, one snapshot does not. */
const TWO_SNAPSHOTS = /\bsleep \d+/;

export function takesTwoSnapshots(command: string): boolean {
  return TWO_SNAPSHOTS.test(command);
}

type Cause = { id: RootCauseId; title: string };

/**
 * What each outcome of a command would mean for the leading causes: "if <signal> (rises between the
 * two snapshots), it points to <cause>". One sentence per cause the command can speak for.
 */
export function commandOutcomes(node: CommandNode, leading: Cause[], lang: Lang = "en"): string[] {
  const produced = PARSER_SIGNALS[node.parser] ?? [];
  const rises = takesTwoSnapshots(node.command.default);
  const sentences: string[] = [];
  const used = new Set<SignalId>();
  for (const cause of leading) {
    const best = [...produced].filter((s) => !used.has(s) && weightOf(s, cause.id) > 0).sort((a, b) => weightOf(b, cause.id) - weightOf(a, cause.id))[0];
    if (!best) continue;
    used.add(best);
    sentences.push(WORDS[lang].commandOutcome(shortMeaning(best, lang), rises, canDecide(best, cause.id), cause.title));
  }
  return sentences;
}

/** What each answer of a question would mean for the leading causes. */
export function questionOutcomes(node: QuestionNode, leading: Cause[], lang: Lang = "en"): string[] {
  const words = WORDS[lang];
  const sentences: string[] = [];
  for (const answer of node.answers) {
    const scored = leading
      .map((cause) => ({ cause, weight: answer.signals.reduce((sum, s) => sum + weightOf(s, cause.id), 0) }))
      .filter((c) => c.weight > 0)
      .sort((a, b) => b.weight - a.weight);
    const against = leading.filter((cause) => answer.signals.reduce((sum, s) => sum + weightOf(s, cause.id), 0) < 0);
    if (scored.length > 0)
      sentences.push(
        words.answerPointsTo(
          answer.label,
          scored.slice(0, 2).map((c) => c.cause.title),
        ),
      );
    else if (against.length > 0)
      sentences.push(
        words.answerSpeaksAgainst(
          answer.label,
          against.slice(0, 2).map((c) => c.title),
        ),
      );
  }
  return sentences;
}

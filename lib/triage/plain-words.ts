import type { RootCauseId } from "../content/root-cause-ids";
import { definitionOf, weightOf, type SignalId } from "../evidence/signals";
import { canDecide } from "./decisive";
import { PARSER_SIGNALS } from "./parser-signals";
import type { COMMAND_LOCATIONS, CommandNode, QuestionNode } from "./tree-schema";

/** A word for a probability, as an engineer would say it. */
export function likelihoodWord(probability: number): string {
  if (probability >= 0.9) return "almost certain";
  if (probability >= 0.65) return "likely";
  if (probability >= 0.35) return "possible";
  if (probability >= 0.1) return "less likely";
  return "unlikely";
}

/** Where to run a command, in words. */
export const WHERE_WORDS: Record<(typeof COMMAND_LOCATIONS)[number], string> = {
  client: "on a client that fails",
  server: "on the server that accepts the connections",
  "load-balancer": "on the load balancer",
  proxy: "on the proxy",
  node: "on the Kubernetes node that runs the pod",
  pod: "inside the pod (kubectl exec)",
  "both-ends": "on the client and on the server, at the same time",
  "dns-client": "on the host that resolves the name",
  "any-host": "on the affected host",
};

/** The counters and rules of a command are read from outputs; a counter that rose counts, one snapshot does not. */
const TWO_SNAPSHOTS = /\bsleep \d+/;

export function takesTwoSnapshots(command: string): boolean {
  return TWO_SNAPSHOTS.test(command);
}

type Cause = { id: RootCauseId; title: string };

/** The meaning of a signal, short: the part before a parenthesis. */
export function shortMeaning(signal: SignalId): string {
  const meaning = definitionOf(signal).meaning.en;
  const cut = meaning.indexOf("(");
  return (cut < 0 ? meaning : meaning.slice(0, cut)).trimEnd();
}

/**
 * What each outcome of a command would mean for the leading causes: "if <signal> (rises between the
 * two snapshots), it points to <cause>". One sentence per cause the command can speak for.
 */
export function commandOutcomes(node: CommandNode, leading: Cause[]): string[] {
  const produced = PARSER_SIGNALS[node.parser] ?? [];
  const rises = takesTwoSnapshots(node.command.default) ? " rises between the two snapshots" : "";
  const sentences: string[] = [];
  const used = new Set<SignalId>();
  for (const cause of leading) {
    const best = [...produced].filter((s) => !used.has(s) && weightOf(s, cause.id) > 0).sort((a, b) => weightOf(b, cause.id) - weightOf(a, cause.id))[0];
    if (!best) continue;
    used.add(best);
    const strength = canDecide(best, cause.id) ? "it is" : "it points to";
    sentences.push(`If ${shortMeaning(best)}${rises}, ${strength} ${cause.title}.`);
  }
  return sentences;
}

/** What each answer of a question would mean for the leading causes. */
export function questionOutcomes(node: QuestionNode, leading: Cause[]): string[] {
  const sentences: string[] = [];
  for (const answer of node.answers) {
    const scored = leading
      .map((cause) => ({ cause, weight: answer.signals.reduce((sum, s) => sum + weightOf(s, cause.id), 0) }))
      .filter((c) => c.weight > 0)
      .sort((a, b) => b.weight - a.weight);
    const against = leading.filter((cause) => answer.signals.reduce((sum, s) => sum + weightOf(s, cause.id), 0) < 0);
    if (scored.length > 0)
      sentences.push(
        `"${answer.label}" points to ${scored
          .slice(0, 2)
          .map((c) => c.cause.title)
          .join(" or ")}.`,
      );
    else if (against.length > 0)
      sentences.push(
        `"${answer.label}" speaks against ${against
          .slice(0, 2)
          .map((c) => c.title)
          .join(" and ")}.`,
      );
  }
  return sentences;
}

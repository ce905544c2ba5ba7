import { caseTitle } from "../content/localized";
import type { CaseEntry } from "../content/parse-entry";
import type { RootCauseId } from "../content/root-cause-ids";
import { extractEvidence } from "../evidence/extract";
import { getParser } from "../evidence/parsers";
import type { Lang } from "../triage/language";
import { DRILL_WORDS } from "./drill-words";
import { describeEvidence, isDiagnostic } from "./evidence";
import type { SignalDrill, TellingLine } from "./exercise";
import { parseBlocks } from "./markdown";
import { quotedOutputs } from "./quoted-outputs";
import { exerciseIdOf } from "./stable-hash";

/** Outputs shorter than this leave nothing to spot; longer ones do not fit a drill. */
const MIN_LINES = 3;
const MAX_LINES = 60;

/**
 * One "spot the signal" drill per output the case quotes in which the evidence parsers find a line
 * that matters to a diagnosis, as long as at most half the lines do (otherwise any click is right).
 * The outputs are the English case's (the Chinese page quotes the same ones); texts in `lang`. Pure.
 */
export function buildSignalDrills(entry: CaseEntry, titleOf: (id: RootCauseId) => string, lang: Lang = "en"): SignalDrill[] {
  return quotedOutputs(parseBlocks(entry.body)).flatMap((output, index) => {
    const lines = output.text.split("\n");
    if (lines.length < MIN_LINES || lines.length > MAX_LINES) return [];
    const signals = extractEvidence({ description: "", outputs: [{ text: output.text }] }).filter((s) => isDiagnostic(s.id));
    const lineNumbers = [...new Set(signals.map((s) => s.lineNumber))].sort((a, b) => a - b);
    if (lineNumbers.length === 0 || lineNumbers.length * 2 > lines.length) return [];

    const telling: TellingLine[] = lineNumbers.map((lineNumber) => ({
      lineNumber,
      line: lines[lineNumber - 1].trim(),
      evidence: describeEvidence(
        signals.filter((s) => s.lineNumber === lineNumber),
        titleOf,
        undefined,
        lang,
      ),
    }));
    const rootCause = entry.frontmatter.rootCause ?? mostFavouredCause(telling);
    if (!rootCause) return [];
    return [
      {
        kind: "signal",
        id: exerciseIdOf("signal", `${entry.id}:${index}`),
        caseId: entry.id,
        caseTitle: caseTitle(entry, lang),
        rootCause,
        source: getParser(signals[0].parser)?.title ?? DRILL_WORDS[lang].commandOutput,
        ...(output.command ? { command: output.command } : {}),
        lines,
        telling,
      },
    ];
  });
}

/** The cause the telling lines speak for most, summed over their evidence. */
function mostFavouredCause(telling: TellingLine[]): RootCauseId | undefined {
  const totals = new Map<RootCauseId, number>();
  for (const { favours } of telling.flatMap((t) => t.evidence)) {
    for (const { id, weight } of favours) totals.set(id, (totals.get(id) ?? 0) + weight);
  }
  return [...totals].sort((a, b) => b[1] - a[1])[0]?.[0];
}

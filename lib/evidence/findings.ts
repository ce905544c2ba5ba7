import { makeSignal, type EvidenceSource, type Signal } from "./signal";
import type { SignalId } from "./vocabulary";

export type Finding = { line: string; lineNumber: number; count: number; value?: number; detail?: string };

/**
 * Collects at most one signal per id while a parser reads its lines: the first line that showed
 * it (or, when `keepLargest`, the line with the largest measured value), and how many lines did.
 */
export class Findings {
  private readonly hits = new Map<SignalId, Finding>();

  constructor(private readonly keepLargest = false) {}

  add(id: SignalId, line: string, lineNumber: number, extra: { value?: number; detail?: string } = {}): void {
    const hit = this.hits.get(id);
    if (!hit) {
      this.hits.set(id, { line, lineNumber, count: 1, ...extra });
      return;
    }
    hit.count += 1;
    if (this.keepLargest && extra.value !== undefined && (hit.value === undefined || extra.value > hit.value)) {
      Object.assign(hit, { line, lineNumber, ...extra });
    }
  }

  /** The signals, each with its value (or the number of lines) and a detail from `describe`. */
  toSignals(parserId: string, source: EvidenceSource, describe: (id: SignalId, hit: Finding) => string): Signal[] {
    return [...this.hits].map(([id, hit]) =>
      makeSignal(id, parserId, hit.line, hit.lineNumber, source, { value: hit.value ?? hit.count, detail: describe(id, hit) }),
    );
  }
}

/** " (3 lines)" when a finding was seen more than once. */
export const countSuffix = (hit: Finding, noun = "lines"): string => (hit.count > 1 ? ` (${hit.count} ${noun})` : "");

/**
 * Splits text into lines once for all parsers: they read the same pasted text one after the
 * other, so the last split is kept and handed back for the same string. Callers must not mutate it.
 */
let last: { text: string; lines: readonly string[] } | undefined;

export function splitLines(text: string): readonly string[] {
  if (last?.text !== text) last = { text, lines: text.split("\n") };
  return last.lines;
}

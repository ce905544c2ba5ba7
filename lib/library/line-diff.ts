/** One line of a diff: kept, added or removed. */
export type DiffLine = { op: " " | "+" | "-"; text: string };

/** Past this many line pairs the diff is "everything removed, everything added" (bounded work). */
const MAX_CELLS = 4_000_000;

/** The lines that turn `before` into `after` (a longest common subsequence of lines). Pure. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === "" ? [] : before.split("\n");
  const b = after === "" ? [] : after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head = a.slice(0, start).map((text): DiffLine => ({ op: " ", text }));
  const tail = a.slice(endA).map((text): DiffLine => ({ op: " ", text }));
  return [...head, ...diffMiddle(a.slice(start, endA), b.slice(start, endB)), ...tail];
}

function diffMiddle(a: string[], b: string[]): DiffLine[] {
  if (a.length * b.length > MAX_CELLS) return [...a.map((text): DiffLine => ({ op: "-", text })), ...b.map((text): DiffLine => ({ op: "+", text }))];
  // lengths[i][j]: common subsequence length of a[i..] and b[j..]
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ op: " ", text: a[i++] });
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) lines.push({ op: "-", text: a[i++] });
    else lines.push({ op: "+", text: b[j++] });
  }
  while (i < a.length) lines.push({ op: "-", text: a[i++] });
  while (j < b.length) lines.push({ op: "+", text: b[j++] });
  return lines;
}

/** A unified diff (`git apply` reads it) from `before` to `after` of one file, with three lines of context. */
export function unifiedDiff(before: string, after: string, file: string): string {
  const CONTEXT = 3;
  const lines = lineDiff(before.replace(/\n$/, ""), after.replace(/\n$/, ""));
  // 1-based line numbers in the old and new file at each diff line
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const line of lines) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (line.op !== "+") oldLine++;
    if (line.op !== "-") newLine++;
  }
  const ranges: { from: number; to: number }[] = [];
  lines.forEach((line, index) => {
    if (line.op === " ") return;
    const from = Math.max(0, index - CONTEXT);
    const to = Math.min(lines.length, index + 1 + CONTEXT);
    const last = ranges.at(-1);
    if (last && from <= last.to) last.to = to;
    else ranges.push({ from, to });
  });
  if (ranges.length === 0) return "";
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const { from, to } of ranges) {
    const body = lines.slice(from, to);
    const oldCount = body.filter((l) => l.op !== "+").length;
    const newCount = body.filter((l) => l.op !== "-").length;
    out.push(`@@ -${oldCount === 0 ? oldAt[from] - 1 : oldAt[from]},${oldCount} +${newCount === 0 ? newAt[from] - 1 : newAt[from]},${newCount} @@`);
    out.push(...body.map((l) => `${l.op}${l.text}`));
  }
  return `${out.join("\n")}\n`;
}

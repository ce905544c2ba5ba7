/** Inline Markdown a drill shows: code spans, strong emphasis and plain text. */
export type InlineSpan = { kind: "text" | "code" | "strong"; text: string };

/** Code spans, **strong** text and plain text; other emphasis markers are dropped and links keep their label. Pure. */
export function parseInline(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  for (const part of text.split(/(`[^`]+`)/)) {
    if (!part) continue;
    if (part.length > 1 && part.startsWith("`") && part.endsWith("`")) {
      spans.push({ kind: "code", text: part.slice(1, -1) });
      continue;
    }
    const plain = part.replace(/\[([^[\]]+)\]\([^()]*\)/g, "$1");
    plain.split(/\*\*([^*]+)\*\*/).forEach((piece, i) => {
      const cleaned = piece.replace(/\*\*|__/g, "");
      if (cleaned) spans.push({ kind: i % 2 === 1 ? "strong" : "text", text: cleaned });
    });
  }
  return spans;
}

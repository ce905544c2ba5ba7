/** The small subset of case markdown a drill shows: headings, paragraphs, lists and fenced code. */
export type TextBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "code"; lang: string; text: string };

export type InlineSpan = { kind: "text" | "code"; text: string };

/** Splits markdown into blocks; a fence without a closing line runs to the end. Pure. */
export function parseBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  let ordered = false;
  let fence: { lang: string; lines: string[] } | undefined;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    if (items.length > 0) blocks.push({ kind: "list", ordered, items });
    paragraph = [];
    items = [];
  };

  for (const line of markdown.split("\n")) {
    const marker = /^\s*```\s*([\w-]*)/.exec(line);
    const item = /^\s*([-*]|\d+[.)]) +(\S.*)$/.exec(line);
    if (fence) {
      if (marker) {
        blocks.push({ kind: "code", lang: fence.lang, text: fence.lines.join("\n") });
        fence = undefined;
      } else fence.lines.push(line);
    } else if (marker) {
      flush();
      fence = { lang: marker[1], lines: [] };
    } else if (/^#{2,6} /.test(line)) {
      flush();
      blocks.push({ kind: "heading", text: line.replace(/^#+ /, "").trim() });
    } else if (line.trim() === "") {
      flush();
    } else if (item) {
      const isOrdered = /\d/.test(item[1]);
      if (paragraph.length > 0 || (items.length > 0 && isOrdered !== ordered)) flush();
      ordered = isOrdered;
      items.push(item[2].trim());
    } else if (items.length > 0) {
      // A line right under a list item continues it.
      items[items.length - 1] += ` ${line.trim()}`;
    } else {
      paragraph.push(line.trim());
    }
  }
  if (fence) blocks.push({ kind: "code", lang: fence.lang, text: fence.lines.join("\n") });
  flush();
  return blocks;
}

/** Inline code spans and plain text; emphasis markers are dropped and links keep their label. Pure. */
export function parseInline(text: string): InlineSpan[] {
  return text
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((part) =>
      part.startsWith("`") && part.endsWith("`") && part.length > 1
        ? { kind: "code", text: part.slice(1, -1) }
        : { kind: "text", text: part.replace(/\[([^[\]]+)\]\([^()]*\)/g, "$1").replace(/\*\*|__/g, "") },
    );
}

/** Applies `change` to the prose of every block; code blocks (commands and raw outputs) are kept as they are. */
export function mapBlockText(blocks: TextBlock[], change: (text: string) => string): TextBlock[] {
  return blocks.map((block) => {
    if (block.kind === "list") return { ...block, items: block.items.map(change) };
    if (block.kind === "code") return block;
    return { ...block, text: change(block.text) };
  });
}

/** All the text of the blocks, one block per line (for checks and searches). */
export function blocksToText(blocks: TextBlock[]): string {
  return blocks.map((block) => (block.kind === "list" ? block.items.join("\n") : block.text)).join("\n");
}

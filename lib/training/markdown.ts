// How a drill reads case Markdown: blocks come from the one Markdown reading (lib/content/markdown),
// inline markup from ./inline-markdown (small enough for the browser).
import type { TextBlock } from "../content/markdown";

export { readBlocks as parseBlocks, type TextBlock } from "../content/markdown";
export { parseInline, type InlineSpan } from "./inline-markdown";

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

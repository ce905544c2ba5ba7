import type { TextBlock } from "./markdown";

export type QuotedOutput = { command?: string; text: string };

const OUTPUT_LANGUAGES = new Set(["text", "console", ""]);
const COMMAND_LANGUAGES = new Set(["bash", "sh", "shell"]);

/** The outputs a case quotes (```text blocks), each with the command block before it in the same step. Pure. */
export function quotedOutputs(blocks: TextBlock[]): QuotedOutput[] {
  const outputs: QuotedOutput[] = [];
  let command: string | undefined;
  for (const block of blocks) {
    if (block.kind === "heading") command = undefined;
    if (block.kind !== "code") continue;
    if (COMMAND_LANGUAGES.has(block.lang)) command = block.text.trim();
    else if (OUTPUT_LANGUAGES.has(block.lang) && block.text.trim()) outputs.push({ ...(command ? { command } : {}), text: block.text.trimEnd() });
  }
  return outputs;
}

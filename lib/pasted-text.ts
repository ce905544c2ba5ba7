import { z } from "zod";

/**
 * The one size limit for pasted text: a ticket's description and its command outputs together, in
 * UTF-8 bytes. The forms and the API routes check it with the same schema.
 */
export const MAX_PASTED_TEXT_BYTES = 5 * 1024 * 1024;

/** Request body limit for a ticket: its pasted text plus room for JSON escaping and the other fields. */
export const MAX_TICKET_BODY_BYTES = MAX_PASTED_TEXT_BYTES + 1024 * 1024;

/** UTF-8 length of a string without encoding it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "5 MB", "1.2 MB", "300 KB". */
export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** Why these texts are too large together, or undefined when they fit. */
export function pastedTextProblem(texts: readonly (string | undefined)[], limit = MAX_PASTED_TEXT_BYTES): string | undefined {
  const bytes = texts.reduce((sum, text) => sum + (text ? utf8Bytes(text) : 0), 0);
  return bytes > limit ? `the pasted text is ${formatSize(bytes)}; the limit is ${formatSize(limit)} for a ticket and its outputs together` : undefined;
}

/** One pasted text (a description or an output); the whole ticket is checked with pastedTextProblem. */
export const pastedTextSchema = z
  .string()
  .max(
    MAX_PASTED_TEXT_BYTES,
    `the pasted text is over ${formatSize(MAX_PASTED_TEXT_BYTES)}; the limit is ${formatSize(MAX_PASTED_TEXT_BYTES)} for a ticket and its outputs together`,
  );

/** Adds the combined-size issue to a zod context at `path`. */
export function checkPastedText(ctx: z.RefinementCtx, path: string, texts: readonly (string | undefined)[]): void {
  const problem = pastedTextProblem(texts);
  if (problem) ctx.addIssue({ code: "custom", path: [path], message: problem });
}

"use server";

// The editor's live preview: the case body compiled by the build's pipeline (cached by a hash of the
// body) and rendered on the server, so the browser never evaluates MDX.
import type { ReactNode } from "react";

import { requireUser } from "@/lib/auth/access";
import { getPrisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { previewCaseSchema } from "@/lib/library/case-fields";
import type { CaseProblem } from "@/lib/library/check-case";
import { previewCase } from "@/lib/library/preview";
import { renderMdxPreview } from "@/components/mdx/mdx-content";
import { getViewer } from "@/app/_server/viewer";

export type PreviewResult = { problems: CaseProblem[]; preview: ReactNode } | { error: string; field?: string };

/** The checks of content:check and the rendered body (of the version shown) of a case being written; `locale` is the editor's language. */
export async function renderCasePreview(input: unknown, locale: Locale): Promise<PreviewResult> {
  requireUser(await getViewer());
  const parsed = previewCaseSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A field's message names the field (`zh.symptoms` for the Chinese version's); the id and body are checked as a whole.
    const [top, next] = issue.path.map(String);
    return { error: issue.message, field: top === "fields" ? (next ?? "") : top === "zh" && next ? `zh.${next}` : top };
  }
  const { id, ...content } = parsed.data;
  const { problems, code } = await previewCase(getPrisma(), id, content);
  return { problems, preview: code === null ? null : await renderMdxPreview(code, locale) };
}

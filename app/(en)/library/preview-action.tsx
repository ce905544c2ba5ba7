"use server";

// The editor's live preview: the case body compiled by the build's pipeline (cached by a hash of the
// body) and rendered on the server, so the browser never evaluates MDX.
import type { ReactNode } from "react";

import { requireUser } from "@/lib/auth/access";
import { getPrisma } from "@/lib/db";
import { draftFieldsSchema } from "@/lib/library/case-fields";
import type { CaseProblem } from "@/lib/library/check-case";
import { previewCase } from "@/lib/library/preview";
import { MdxPreview } from "@/components/mdx/mdx-content";
import { getViewer } from "@/app/_server/viewer";

export type PreviewResult = { problems: CaseProblem[]; preview: ReactNode } | { error: string; field?: string };

export async function renderCasePreview(id: string, fields: unknown, body: string): Promise<PreviewResult> {
  requireUser(await getViewer());
  const parsed = draftFieldsSchema.omit({ id: true }).safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: issue.message, field: String(issue.path[0] ?? "") };
  }
  const { problems, code } = await previewCase(getPrisma(), id, parsed.data, body);
  return { problems, preview: code === null ? null : <MdxPreview code={code} /> };
}

import type { PrismaClient } from "@/generated/prisma/client";

import { MdxCompileError } from "../content/compile-mdx";
import type { CaseFields } from "./case-fields";
import { checkCase, type CaseProblem } from "./check-case";
import { compileCaseBody } from "./compile-body";
import { getLiveLibrary } from "./live-library";

export type CasePreview = { problems: CaseProblem[]; code: string | null };

/** What the editor shows beside a case: every content:check problem (compiling included) and the compiled body. */
export async function previewCase(prisma: PrismaClient, id: string, fields: Omit<CaseFields, "id">, body: string): Promise<CasePreview> {
  const knownCaseIds = new Set((await getLiveLibrary(prisma)).cases.map((c) => c.id));
  const { problems } = checkCase(id, fields, body, { knownCaseIds, checkDrill: true });
  try {
    const { code } = await compileCaseBody(body);
    return { problems, code };
  } catch (error) {
    const line = error instanceof MdxCompileError ? (error.line ?? 1) : 1;
    return { problems: [...problems, { line, message: `MDX does not compile: ${error instanceof Error ? error.message : String(error)}` }], code: null };
  }
}

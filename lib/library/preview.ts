import type { PrismaClient } from "@/generated/prisma/client";

import type { CaseFields, ZhVersion } from "./case-fields";
import { checkCase, checkCaseCompiles, type CaseProblem } from "./check-case";
import { compileCaseBody } from "./compile-body";
import { getLiveLibrary } from "./live-library";

export type CasePreview = { problems: CaseProblem[]; code: string | null };

/**
 * What the editor shows beside a case: every content:check problem of both versions (compiling included) and
 * the compiled body of the version shown (`show` "zh": the Chinese version's).
 */
export async function previewCase(
  prisma: PrismaClient,
  id: string,
  { fields, body, zh, show }: { fields: Omit<CaseFields, "id">; body: string; zh: ZhVersion | null; show: "en" | "zh" },
): Promise<CasePreview> {
  const knownCaseIds = new Set((await getLiveLibrary(prisma)).cases.map((c) => c.id));
  const { problems } = checkCase(id, fields, body, zh, { knownCaseIds, checkDrill: true });
  const compileProblems = [...(await checkCaseCompiles(body)), ...(zh ? await checkCaseCompiles(zh.body, "zh") : [])];
  const shown = show === "zh" && zh ? { body: zh.body, version: "zh" } : { body, version: undefined };
  const shownFails = compileProblems.some((problem) => "line" in problem && problem.version === shown.version);
  // Compiles are cached by body, so the one shown is not compiled twice.
  return { problems: [...problems, ...compileProblems], code: shownFails ? null : (await compileCaseBody(shown.body)).code };
}

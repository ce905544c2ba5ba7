// GET /api/sessions/[id]/export?format=reply|case[&lang=en|zh] - the customer reply (in lang, else the ticket's language) or a draft case entry, as Markdown.
import { z } from "zod";

import { getContentLibrary } from "@/lib/content/library";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { AppError, withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { getSession } from "@/lib/sessions/repository";
import { diagnose } from "@/lib/triage/diagnose";
import { buildCaseDraft, buildCustomerReply, toCauseForExport } from "@/lib/triage/export";
import { getTriageKnowledge } from "@/lib/triage/knowledge";
import { LANGS } from "@/lib/triage/language";
import { confirmQuestionId } from "@/lib/triage/walk-questions";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["reply", "case"]), lang: z.enum(LANGS).optional() });

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (request: Request, { params }: Context) => {
  const { format, lang } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const session = await getSession(getPrisma(), (await params).id, await requireRequestViewer(request));
  if (!session.confirmedCause) throw new AppError(409, "confirm a root cause before exporting");
  const causeEntry = getContentLibrary().getRootCause(session.confirmedCause);
  if (!causeEntry) throw new AppError(404, `unknown root cause "${session.confirmedCause}"`);
  const knowledge = getTriageKnowledge();
  const answers = { ...session.answers, [confirmQuestionId(causeEntry.frontmatter.id)]: "yes" };
  const result = diagnose({ description: session.description, outputs: session.outputs, answers, ...(lang ? { lang } : {}) }, knowledge);
  const cause = toCauseForExport(causeEntry);
  const options = { publicUrl: readEnv().NETRIAGE_PUBLIC_URL, lang: result.lang };
  const body = format === "reply" ? buildCustomerReply({ ...session, answers }, result, cause, knowledge, options) : buildCaseDraft(session, result, cause);
  return new Response(body, { headers: { "content-type": "text/markdown; charset=utf-8" } });
});

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

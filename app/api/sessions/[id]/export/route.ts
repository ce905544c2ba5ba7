// GET /api/sessions/[id]/export?format=reply|case[&lang=en|zh] - the customer reply (in lang, else the ticket's language) or a draft case entry, as Markdown.
import { z } from "zod";

import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { withRoute } from "@/lib/http/errors";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { confirmedDiagnosis } from "@/lib/library/from-session";
import { getSession } from "@/lib/sessions/repository";
import { buildCaseDraft, buildCustomerReply } from "@/lib/triage/export";
import { LANGS } from "@/lib/triage/language";
import { requireRequestViewer } from "@/app/_server/viewer";

export const dynamic = "force-dynamic";

const querySchema = z.object({ format: z.enum(["reply", "case"]), lang: z.enum(LANGS).optional() });

type Context = { params: Promise<{ id: string }> };

export const GET = withRoute(async (request: Request, { params }: Context) => {
  const { format, lang } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const session = await getSession(getPrisma(), (await params).id, await requireRequestViewer(request));
  // A draft case is written in English, as the library is; the reply in the language asked for.
  const { answers, result, cause, knowledge } = confirmedDiagnosis(session, format === "case" ? "en" : lang);
  const options = { publicUrl: readEnv().NETRIAGE_PUBLIC_URL, lang: result.lang };
  const body = format === "reply" ? buildCustomerReply({ ...session, answers }, result, cause, knowledge, options) : buildCaseDraft(session, result, cause);
  return new Response(body, { headers: { "content-type": "text/markdown; charset=utf-8" } });
});

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

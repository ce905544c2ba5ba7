// PUT /api/sessions/<id> as a plain Request -> Response handler, like the library routes: the Next
// route exports it, and a serving worker can answer it without the framework (the save is the
// hottest write; the framework's routing costs several times the save itself).
import { requireUser, viewerFromRequest } from "../auth/access";
import { getPrisma } from "../db";
import { readEnv } from "../env";
import { MAX_TICKET_BODY_BYTES } from "../pasted-text";
import { updateSession } from "../sessions/repository";
import { updateSessionSchema } from "../sessions/session-schema";
import { AppError, readJsonBody, withRoute } from "./errors";

/** The path a save is sent to; the id is the one segment after /api/sessions/. */
export const SESSION_PATH = /^\/api\/sessions\/([^/?]+)$/;

function sessionIdOf(request: Request): string {
  const segment = SESSION_PATH.exec(new URL(request.url).pathname)?.[1];
  try {
    if (segment) return decodeURIComponent(segment);
  } catch {
    // a malformed escape (%ff) names no session
  }
  throw new AppError(404, `no triage session at ${new URL(request.url).pathname.slice(0, 100)}`);
}

/** PUT /api/sessions/<id>: saves changes; 409 when the session changed since the version read. */
export const saveSessionRoute = withRoute(async (request: Request) => {
  const id = sessionIdOf(request);
  const viewer = await viewerFromRequest(getPrisma(), request, readEnv());
  requireUser(viewer);
  const change = updateSessionSchema.parse(await readJsonBody(request, MAX_TICKET_BODY_BYTES));
  return Response.json(await updateSession(getPrisma(), id, change, viewer));
});

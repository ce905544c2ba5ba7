// POST /api/search/log - logs a settled search of the search page (query text and number of matches; nobody's name).
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { logSearchRoute } from "@/lib/http/search-log-routes";

export { logSearchRoute as POST };

export const dynamic = "force-dynamic";

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

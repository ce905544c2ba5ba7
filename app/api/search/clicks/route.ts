// POST /api/search/clicks - counts a click on a result of a logged search.
import { methodNotAllowed } from "@/lib/http/method-not-allowed";
import { logSearchClickRoute } from "@/lib/http/search-log-routes";

export { logSearchClickRoute as POST };

export const dynamic = "force-dynamic";

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

// GET /api/search?q= and POST /api/search {"q"} - see lib/http/library-routes.ts. The production server answers both without Next.
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export { searchRoute as GET, searchByBodyRoute as POST } from "@/lib/http/library-routes";

export const dynamic = "force-dynamic";

const notAllowed = methodNotAllowed("GET", "POST");
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

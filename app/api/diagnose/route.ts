// POST /api/diagnose - see lib/http/library-routes.ts. The production server answers it without Next.
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export { diagnoseRoute as POST } from "@/lib/http/library-routes";

export const dynamic = "force-dynamic";

const notAllowed = methodNotAllowed("POST");
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

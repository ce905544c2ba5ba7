// POST /api/diagnose - see lib/http/library-routes.ts. The production server answers it without Next.
export { diagnoseRoute as POST } from "@/lib/http/library-routes";

export const dynamic = "force-dynamic";

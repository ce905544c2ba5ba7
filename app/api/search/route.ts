// GET /api/search - see lib/http/library-routes.ts. The production server answers it without Next.
export { searchRoute as GET } from "@/lib/http/library-routes";

export const dynamic = "force-dynamic";

// GET /api/health - reports whether the app is up and its database answers.
import { NextResponse } from "next/server";

import { getDatabaseStatus } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const { reachable, migrationsApplied } = await getDatabaseStatus();
  return NextResponse.json(
    { status: reachable ? "ok" : "unavailable", database: reachable ? "reachable" : "unreachable", migrationsApplied },
    { status: reachable ? 200 : 503 },
  );
}

// GET /api/health - reports whether the app is up and its database answers.
import { NextResponse } from "next/server";

import { getDatabaseStatus } from "@/lib/db";
import { methodNotAllowed } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

export async function GET() {
  const { reachable, migrationsApplied } = await getDatabaseStatus();
  return NextResponse.json(
    { status: reachable ? "ok" : "unavailable", database: reachable ? "reachable" : "unreachable", migrationsApplied },
    { status: reachable ? 200 : 503 },
  );
}

const notAllowed = methodNotAllowed("GET");
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;

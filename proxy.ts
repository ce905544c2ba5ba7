// With NETRIAGE_PUBLIC_LIBRARY=false the prerendered library pages (cases and causes) need sign-in
// too; search and diagnosis check for themselves. Open libraries pass straight through.
import { NextResponse, type NextRequest } from "next/server";

import { isLibraryPublic, requireLibraryReader, resolveViewer, SESSION_COOKIE } from "@/lib/auth/access";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

export async function proxy(request: NextRequest) {
  const settings = readEnv();
  if (isLibraryPublic(settings)) return NextResponse.next();
  try {
    requireLibraryReader(await resolveViewer(getPrisma(), request.cookies.get(SESSION_COOKIE)?.value, settings), settings);
    return NextResponse.next();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent(request.nextUrl.pathname)}`, request.url));
  }
}

export const config = { matcher: ["/cases", "/cases/:path*", "/causes", "/causes/:path*"] };

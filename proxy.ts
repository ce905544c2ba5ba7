// With NETRIAGE_PUBLIC_LIBRARY=false the prerendered library pages (cases and causes) need sign-in
// too; search and diagnosis check for themselves. /cases/<id> for an id the repository does not hold
// is served by the page of cases published in the app (app/library/[id]), rendered at request time.
import { NextResponse, type NextRequest } from "next/server";

import { isLibraryPublic, requireLibraryReader, resolveViewer, SESSION_COOKIE } from "@/lib/auth/access";
import { getContentLibrary } from "@/lib/content/library";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

const CASE_PATH = /^\/cases\/([a-z0-9-]{1,100})$/;

function pass(request: NextRequest): NextResponse {
  const id = CASE_PATH.exec(request.nextUrl.pathname)?.[1];
  if (!id || getContentLibrary().getCase(id)) return NextResponse.next();
  return NextResponse.rewrite(new URL(`/library/${id}`, request.url));
}

export async function proxy(request: NextRequest) {
  const settings = readEnv();
  if (isLibraryPublic(settings)) return pass(request);
  try {
    requireLibraryReader(await resolveViewer(getPrisma(), request.cookies.get(SESSION_COOKIE)?.value, settings), settings);
    return pass(request);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent(request.nextUrl.pathname)}`, request.url));
  }
}

export const config = { matcher: ["/cases", "/cases/:path*", "/causes", "/causes/:path*"] };

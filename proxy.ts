// Three jobs, all cheap and all before any page renders:
// - `/`: a remembered language choice (cookie) sends a Chinese reader to `/zh`; with no choice yet, a
//   browser that prefers Chinese (Accept-Language) gets the offer once (components/i18n/language-offer.tsx).
// - With NETRIAGE_PUBLIC_LIBRARY=false the prerendered library pages (cases and causes, both languages)
//   need sign-in too; search and diagnosis check for themselves. Open libraries pass straight through.
// - `/cases/<id>` (and `/zh/cases/<id>`) for an id the repository does not hold is served by the page of
//   cases published in the app (app/_pages/library-case.tsx), rendered at request time; likewise
//   `/train/<id>` for a drill the repository's catalogue does not hold goes to the live drill page
//   (`/train/library/<id>`), open as the repository's drills are.
import { NextResponse, type NextRequest } from "next/server";

import { isLibraryPublic, requireLibraryReader, resolveViewer, SESSION_COOKIE } from "@/lib/auth/access";
import { signInPath } from "@/lib/auth/next-path";
import { getContentLibrary } from "@/lib/content/library";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { LANGUAGE_OFFER_COOKIE, LANGUAGE_OFFERED_COOKIE, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, localizePath, preferredLocale } from "@/lib/i18n/paths";
import { getExerciseCatalogue } from "@/lib/training/catalogue";
import { EXERCISE_ID_PATTERN } from "@/lib/training/exercise";

const CASE_PATH = /^(\/zh)?\/cases\/([a-z0-9-]{1,100})$/;
const DRILL_PATH = /^(\/zh)?\/train\/([a-z0-9-]{1,20})$/;

function pass(request: NextRequest): NextResponse {
  const [, zh = "", id] = CASE_PATH.exec(request.nextUrl.pathname) ?? [];
  if (!id || getContentLibrary().getCase(id)) return NextResponse.next();
  return rewriteTo(request, `${zh}/library/${id}`);
}

/** A drill of a case published in the app is served by the live drill page; the repository's are prerendered. */
function passDrill(request: NextRequest, zh: string, id: string): NextResponse {
  if (!EXERCISE_ID_PATTERN.test(id) || getExerciseCatalogue().get(id)) return NextResponse.next();
  return rewriteTo(request, `${zh}/train/library/${id}`);
}

/**
 * Serves `pathname` in place of the request's path, keeping its query and Next's own origin: a URL
 * built from `request.url` can name another origin than Next's, and Next then proxies it over HTTP
 * (which failed for the router's `_rsc` requests).
 */
function rewriteTo(request: NextRequest, pathname: string): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  return NextResponse.rewrite(url);
}

export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === "/") return offerLanguage(request);
  const [, zh = "", drill] = DRILL_PATH.exec(request.nextUrl.pathname) ?? [];
  if (drill) return passDrill(request, zh, drill);
  const settings = readEnv();
  if (isLibraryPublic(settings)) return pass(request);
  try {
    requireLibraryReader(await resolveViewer(getPrisma(), request.cookies.get(SESSION_COOKIE)?.value, settings), settings);
    return pass(request);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return NextResponse.redirect(new URL(signInPath(request.nextUrl.pathname), request.url));
  }
}

function offerLanguage(request: NextRequest): NextResponse {
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  // The answer depends on the cookie and Accept-Language: no shared cache (server/page-cache.ts keeps only
  // Next's never-revalidated pages) may answer `/` for this proxy. Next keeps this Cache-Control, not a Vary.
  const privateAnswer = { "Cache-Control": "private, no-cache" };
  if (chosen === "zh") return NextResponse.redirect(new URL(localizePath("/", "zh"), request.url), { status: 307, headers: privateAnswer });
  const response = NextResponse.next({ headers: privateAnswer });
  if (chosen || request.cookies.has(LANGUAGE_OFFERED_COOKIE) || preferredLocale(request.headers.get("accept-language")) !== "zh") return response;
  response.cookies.set(LANGUAGE_OFFER_COOKIE, "zh", { path: "/", sameSite: "lax" });
  response.cookies.set(LANGUAGE_OFFERED_COOKIE, "1", { path: "/", sameSite: "lax", maxAge: LOCALE_COOKIE_MAX_AGE });
  return response;
}

export const config = {
  matcher: [
    "/",
    "/train/:id",
    "/zh/train/:id",
    "/cases",
    "/cases/:path*",
    "/causes",
    "/causes/:path*",
    "/zh/cases",
    "/zh/cases/:path*",
    "/zh/causes",
    "/zh/causes/:path*",
  ],
};

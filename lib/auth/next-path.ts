import { localizePath, splitLocale } from "../i18n/paths";

// Any origin works as the base: only whether the parsed URL stays on it matters.
const BASE = "http://netriage.invalid";

/** The path, query and fragment of `link` read as a link on BASE, or null when it leaves BASE. */
function sameOriginPath(link: string): string | null {
  try {
    const url = new URL(link, BASE);
    return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/**
 * Where to go after signing in: a path on this site, or `fallback`. `next` is parsed as a browser
 * parses a link (WHATWG URL: tabs and newlines dropped, backslashes read as slashes, dot segments
 * resolved) and kept only if it starts with "/" and stays on the same origin. The parsed form is
 * returned, and only if a browser reads it the same way again ("/.//x" parses to "//x", another host).
 */
export function safeNextPath(next: string | null | undefined, fallback = "/triage"): string {
  if (!next?.startsWith("/")) return fallback;
  const path = sameOriginPath(next);
  return path !== null && !path.startsWith("//") && sameOriginPath(path) === path ? path : fallback;
}

/** The sign-in page in the language of `path` (`/zh/...` signs in on `/zh/sign-in`), coming back to `path` after. */
export function signInPath(path: string): string {
  return localizePath(`/sign-in?next=${encodeURIComponent(path)}`, splitLocale(path).locale);
}

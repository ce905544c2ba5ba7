/** Where to go after signing in: a path on this site only, never another origin ("//x", "/\\x"). */
export function safeNextPath(next: string | null | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/triage";
}

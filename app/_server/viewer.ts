// The request's viewer for server components and route handlers (lib/auth does the deciding).
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";

import { isLibraryPublic, requireUser, resolveViewer, SESSION_COOKIE, viewerFromRequest, type Viewer } from "@/lib/auth/access";
import { signInPath } from "@/lib/auth/next-path";
import type { Role } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

export async function getViewer(): Promise<Viewer> {
  return resolveViewer(getPrisma(), (await cookies()).get(SESSION_COOKIE)?.value, readEnv());
}

export function getRequestViewer(request: Request): Promise<Viewer> {
  return viewerFromRequest(getPrisma(), request, readEnv());
}

/**
 * For a route handler: the viewer, after refusing with 401 or 403 (AppError) one who may not
 * `role`. Accounts are managed by a signed-in admin even while sign-in is off (the first admin
 * comes from `npm run user:create`), so nobody can claim an empty install from the network.
 */
export async function requireRequestViewer(request: Request, role: Role = "engineer"): Promise<Viewer> {
  const viewer = await getRequestViewer(request);
  requireUser(role === "admin" ? { ...viewer, signInRequired: true } : viewer, role);
  return viewer;
}

export async function requireLibraryPage(path: string): Promise<void> {
  if (!isLibraryPublic(readEnv())) await requirePageViewer(path);
}

/**
 * For a page that needs sign-in: sends an anonymous visitor to the sign-in page of the path's
 * language (and back to `path` after), and answers 403 (forbidden.tsx) to a role that is too low.
 */
export async function requirePageViewer(path: string, role: Role = "engineer"): Promise<Viewer> {
  const viewer = await getViewer();
  try {
    requireUser(viewer, role);
    return viewer;
  } catch (error) {
    if (error instanceof AppError && error.status === 403) forbidden();
    redirect(signInPath(path));
  }
}

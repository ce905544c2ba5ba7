import { readEnv, type Env } from "../env";

export type OriginSettings = Pick<Env, "NETRIAGE_PUBLIC_URL">;

/**
 * The origin browsers use to reach us: NETRIAGE_PUBLIC_URL when set; otherwise the request's Host
 * header with the scheme a proxy reports (X-Forwarded-Proto) or the request's own. X-Forwarded-Host
 * is never used: set NETRIAGE_PUBLIC_URL behind a proxy that rewrites Host.
 */
export function publicOrigin(request: Request, settings: OriginSettings = readEnv()): string {
  if (settings.NETRIAGE_PUBLIC_URL) return settings.NETRIAGE_PUBLIC_URL;
  const url = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() || url.protocol.replace(":", "");
  return `${proto}://${request.headers.get("host") ?? url.host}`;
}

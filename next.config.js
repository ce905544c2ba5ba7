import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";
import createNextIntlPlugin from "next-intl/plugin";

// The interface's strings: messages/<locale>.json, loaded per page by app/_i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

// Pages are static, so scripts cannot carry per-request nonces; Next's inline bootstrap needs
// 'unsafe-inline'. 'unsafe-eval' is only for the dev server's hot reload.
const contentSecurityPolicy = (isDev) =>
  [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  // Compiling MDX (esbuild, shiki) happens in Node at build time; never bundle those packages.
  serverExternalPackages: ["esbuild", "shiki", "rehype-pretty-code", "remark-gfm"],
  poweredByHeader: false,
  // Compressing every response in Node halves throughput; a proxy in front compresses if needed.
  compress: false,
  reactStrictMode: true,
  // forbidden() answers 403 with app/forbidden.tsx when a signed-in user's role is too low.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy(phase === PHASE_DEVELOPMENT_SERVER) },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
});

export default (phase) => withNextIntl(nextConfig(phase));

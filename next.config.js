/** @type {import('next').NextConfig} */
const nextConfig = {
  // Compiling MDX (esbuild, shiki) happens in Node at build time; never bundle those packages.
  serverExternalPackages: ["esbuild", "shiki", "rehype-pretty-code", "remark-gfm"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

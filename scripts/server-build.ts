// The last step of `npm run build`, after `next build`: bundles the production server (server/) and
// what it imports from lib/ into .next/netriage/ (packages stay in node_modules), then stamps the
// build with the hash of its inputs so that `npm start` rebuilds only when they change.
import { build } from "esbuild";

import { SERVER_DIR, writeBuildStamp } from "../server/build-stamp";

await build({
  entryPoints: { server: "server/main.ts", "diagnosis-thread": "server/diagnosis-thread.ts" },
  outdir: SERVER_DIR,
  bundle: true,
  splitting: true,
  chunkNames: "[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  sourcemap: "linked",
  logLevel: "warning",
});
writeBuildStamp();
console.log(`server: ${SERVER_DIR}/server.mjs`);

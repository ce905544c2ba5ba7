// After `next build`: bundles the fast lane (lib/http/fast-lane.ts and what it imports) into one
// ES module that the serving workers load (scripts/serve-worker.mjs). Packages stay in node_modules.
import { build } from "esbuild";

const LANE_BUNDLE = ".next/netriage/fast-lane.mjs";

await build({
  entryPoints: ["lib/http/fast-lane.ts"],
  outfile: LANE_BUNDLE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  sourcemap: "linked",
  logLevel: "warning",
});
console.log(`fast lane: ${LANE_BUNDLE}`);

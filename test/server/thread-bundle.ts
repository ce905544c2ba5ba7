// The diagnosis thread as the build bundles it (scripts/server-build.ts), for tests that start threads:
// a worker thread cannot load TypeScript itself.
import path from "node:path";

import { build } from "esbuild";

import { ROOT } from "../e2e/server";

/** Bundles server/diagnosis-thread.ts below node_modules (so its packages resolve) and returns its path. */
export async function bundleDiagnosisThread(): Promise<string> {
  const outfile = path.join(ROOT, "node_modules/.cache/netriage-test", `diagnosis-thread-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(ROOT, "server/diagnosis-thread.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    logLevel: "warning",
  });
  return outfile;
}

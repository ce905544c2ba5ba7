// Which Chromium the browser tests drive: CHROMIUM_PATH, else a Chromium or Chrome on PATH, else the
// one that ships inside the @sparticuz/chromium package (brotli-compressed; unpacked once per version
// into the temporary folder, nothing is downloaded).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export const SYSTEM_BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

export type ChromiumSource = "CHROMIUM_PATH" | "PATH" | "@sparticuz/chromium";

/** The first executable named `names[i]` in a directory of `searchPath`, in PATH order. */
export function findOnPath(names: string[], searchPath: string): string | undefined {
  const dirs = searchPath.split(path.delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export function findChromium(
  env: Record<string, string | undefined> = process.env,
  unpackBundled: () => string = unpackBundledChromium,
): { executablePath: string; source: ChromiumSource } {
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
  const system = findOnPath(SYSTEM_BROWSER_NAMES, env.PATH ?? "");
  if (system) return { executablePath: system, source: "PATH" };
  return { executablePath: unpackBundled(), source: "@sparticuz/chromium" };
}

/**
 * Unpacks the package's Chromium into `<tmp>/netriage-chromium-<version>/` and returns its path. The
 * package unpacks into $TMPDIR and trusts whatever it finds there, so it runs in a child process with
 * TMPDIR pointed at a fresh folder that is renamed into place once complete: a run killed half-way or
 * two runs at once never leave a truncated browser behind.
 */
export function unpackBundledChromium(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@sparticuz/chromium");
  const version = packageVersion(entry, "@sparticuz/chromium");
  const target = path.join(os.tmpdir(), `netriage-chromium-${version}`);
  const executable = path.join(target, "chromium");
  if (fs.existsSync(executable)) return executable;

  const staging = fs.mkdtempSync(`${target}.partial-`);
  const script = `require(${JSON.stringify(entry)}).executablePath().then((p) => process.stdout.write(p))`;
  const result = spawnSync(process.execPath, ["-e", script], { env: { ...process.env, TMPDIR: staging }, encoding: "utf8" });
  if (result.status !== 0 || result.stdout !== path.join(staging, "chromium")) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(`could not unpack @sparticuz/chromium ${version}: ${result.stderr || result.stdout}`);
  }
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    // Another run finished first; use its copy.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(executable)) throw error;
  }
  return executable;
}

/** The version in the package.json of `name` that holds `file`. */
function packageVersion(file: string, name: string): string {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!fs.existsSync(manifest)) continue;
    const { name: found, version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string; version?: string };
    if (found === name && version) return version;
  }
  throw new Error(`no package.json of ${name} above ${file}`);
}

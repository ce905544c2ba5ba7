// The build's stamp: a hash of everything a build is made from (sources, content, schema, lockfile,
// configuration and the Node version). `npm start` rebuilds only when the stamp of the last build
// differs from the checkout's, and says which files changed.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SERVER_DIR = ".next/netriage";
const STAMP_FILE = path.join(SERVER_DIR, "build-stamp.json");

/** What a build reads. Tests, benchmarks and data are not among them. */
const INPUT_DIRS = ["app", "components", "content", "lib", "prisma", "public", "scripts", "server"];
const INPUT_FILES = ["package.json", "package-lock.json", "next.config.js", "proxy.ts", "tsconfig.json", "prisma.config.ts"];

/** A database someone keeps beside the schema is data, not an input. */
const DATABASE_FILE = /\.(?:db|sqlite)(?:-wal|-shm|-journal)?$/;

type Stamp = { node: string; files: Record<string, string> };

function listFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(root, relative);
    return entry.isFile() && !DATABASE_FILE.test(entry.name) ? [relative] : [];
  });
}

/** The checkout's stamp: a SHA-256 per input file. */
export function currentStamp(root = process.cwd()): Stamp {
  const names = [...INPUT_DIRS.flatMap((dir) => listFiles(root, dir)), ...INPUT_FILES.filter((file) => fs.existsSync(path.join(root, file)))].sort();
  const files: Record<string, string> = {};
  for (const name of names)
    files[name.split(path.sep).join("/")] = createHash("sha256")
      .update(fs.readFileSync(path.join(root, name)))
      .digest("hex");
  return { node: process.version, files };
}

export function writeBuildStamp(root = process.cwd(), stamp = currentStamp(root)): void {
  fs.mkdirSync(path.join(root, SERVER_DIR), { recursive: true });
  fs.writeFileSync(path.join(root, STAMP_FILE), JSON.stringify(stamp));
}

/** Why the build is out of date (a sentence), or undefined when the last build matches the checkout. */
export function whyRebuild(root = process.cwd()): string | undefined {
  const file = path.join(root, STAMP_FILE);
  if (!fs.existsSync(file) || !fs.existsSync(path.join(root, SERVER_DIR, "server.mjs"))) return "no complete build yet";
  let built: Stamp;
  try {
    built = JSON.parse(fs.readFileSync(file, "utf8")) as Stamp;
  } catch {
    return "the build stamp is unreadable";
  }
  const now = currentStamp(root);
  if (built.node !== now.node) return `Node changed (${built.node} -> ${now.node})`;
  const changed = Object.keys(now.files).filter((name) => built.files[name] !== now.files[name]);
  const removed = Object.keys(built.files).filter((name) => !(name in now.files));
  const all = [...changed, ...removed];
  if (all.length === 0) return undefined;
  const shown = all.slice(0, 5).join(", ");
  return `${all.length} file${all.length === 1 ? "" : "s"} changed since the last build (${shown}${all.length > 5 ? ", ..." : ""})`;
}

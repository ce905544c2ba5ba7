// `npm start` rebuilds only when what a build is made from has changed, and says what changed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { SERVER_DIR, whyRebuild, writeBuildStamp } from "../../server/build-stamp";

function checkout(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-stamp-"));
  for (const [file, text] of Object.entries({
    "package-lock.json": "{}",
    "lib/a.ts": "a",
    "content/cases/x.mdx": "x",
    "test/t.test.ts": "t",
    "prisma/dev.db": "data",
  })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

function build(root: string): void {
  fs.mkdirSync(path.join(root, SERVER_DIR), { recursive: true });
  fs.writeFileSync(path.join(root, SERVER_DIR, "server.mjs"), "");
  writeBuildStamp(root);
}

describe("build stamp", () => {
  it("asks for a build when there is none, and for none after one", () => {
    const root = checkout();
    expect(whyRebuild(root)).toBe("no complete build yet");
    build(root);
    expect(whyRebuild(root)).toBeUndefined();
  });

  it("names the sources, content or lockfile that changed, and ignores tests and databases", () => {
    const root = checkout();
    build(root);
    fs.writeFileSync(path.join(root, "test/t.test.ts"), "changed");
    fs.writeFileSync(path.join(root, "prisma/dev.db"), "more data");
    expect(whyRebuild(root)).toBeUndefined();
    fs.writeFileSync(path.join(root, "content/cases/x.mdx"), "edited");
    fs.writeFileSync(path.join(root, "package-lock.json"), '{"v":2}');
    fs.rmSync(path.join(root, "lib/a.ts"));
    expect(whyRebuild(root)).toBe("3 files changed since the last build (content/cases/x.mdx, package-lock.json, lib/a.ts)");
  });
});

// The browser tests' Chromium: the configured one, else a system one, else the one inside the npm package.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { findChromium } from "./find-chromium";

const unpacked = () => "/tmp/unpacked/chromium";

describe("findChromium", () => {
  it("prefers CHROMIUM_PATH, then a Chromium or Chrome on PATH, then the bundled one", () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-path-"));
    const chrome = path.join(bin, "google-chrome");
    fs.writeFileSync(chrome, "#!/bin/sh\n", { mode: 0o755 });
    fs.writeFileSync(path.join(bin, "chromium"), "not executable", { mode: 0o644 });

    expect(findChromium({ CHROMIUM_PATH: "/opt/c/chrome", PATH: bin }, unpacked)).toEqual({ executablePath: "/opt/c/chrome", source: "CHROMIUM_PATH" });
    expect(findChromium({ PATH: `/nonexistent${path.delimiter}${bin}` }, unpacked)).toEqual({ executablePath: chrome, source: "PATH" });
    expect(findChromium({ PATH: "/nonexistent" }, unpacked)).toEqual({ executablePath: "/tmp/unpacked/chromium", source: "@sparticuz/chromium" });
    fs.rmSync(bin, { recursive: true, force: true });
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { lineDiff, unifiedDiff } from "@/lib/library/line-diff";

describe("lineDiff", () => {
  it("keeps common lines and marks removed and added ones", () => {
    expect(lineDiff("a\nb\nc", "a\nx\nc")).toEqual([
      { op: " ", text: "a" },
      { op: "-", text: "b" },
      { op: "+", text: "x" },
      { op: " ", text: "c" },
    ]);
  });

  it("rebuilds both texts from its lines", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "d", ""), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const diff = lineDiff(before.join("\n"), after.join("\n"));
        expect(diff.filter((l) => l.op !== "+").map((l) => l.text)).toEqual(before.join("\n") === "" ? [] : before);
        expect(diff.filter((l) => l.op !== "-").map((l) => l.text)).toEqual(after.join("\n") === "" ? [] : after);
      }),
    );
  });
});

describe("unifiedDiff", () => {
  it("is empty when nothing changed", () => {
    expect(unifiedDiff("a\nb\n", "a\nb\n", "content/cases/x.mdx")).toBe("");
  });

  it("writes a patch that git apply applies to the old file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-patch-"));
    const before = Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const after = before.replace("line 3\n", "line three\n").replace("line 30\n", "").replace("line 39\n", "line 39\nline 40\n");
    fs.mkdirSync(path.join(dir, "content/cases"), { recursive: true });
    fs.writeFileSync(path.join(dir, "content/cases/x.mdx"), before);
    fs.writeFileSync(path.join(dir, "fix.patch"), unifiedDiff(before, after, "content/cases/x.mdx"));
    execFileSync("git", ["apply", "fix.patch"], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, "content/cases/x.mdx"), "utf8")).toBe(after);
  });
});

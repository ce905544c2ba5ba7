import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { beforeEach, describe, expect, it } from "vitest";

import { checkContent, formatProblem } from "@/lib/content/check-content";
import { createCompileCache } from "@/lib/content/compile-cache";

import { caseSource, caseZhSource } from "../factories";

const ROOT = path.join(import.meta.dirname, "../..");

function writeContent(dir: string, cases: Record<string, string>, inventoryIds: string[]) {
  fs.mkdirSync(path.join(dir, "cases"), { recursive: true });
  fs.mkdirSync(path.join(dir, "root-causes"), { recursive: true });
  for (const [id, source] of Object.entries(cases)) fs.writeFileSync(path.join(dir, "cases", `${id}.mdx`), source);
  const rows = inventoryIds.map((id) => ({ id, seedFile: "000_d9709133fe1660b2.txt", category: null }));
  fs.writeFileSync(path.join(dir, "seed-inventory.json"), JSON.stringify({ cases: rows }, null, 1));
}

describe("checkContent", () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-check-"));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-check-cache-"));
  });

  it("reports every problem as path:line: message", async () => {
    writeContent(
      dir,
      {
        "case-a": caseSource({ id: "case-a", rootCause: "gremlins" }),
        "case-b": caseSource({ id: "case-b", related: ["case-z"] }).replace(
          "## Cause\n\nText.",
          "## Cause\n\nSend it to <ip> now. See [this](/causes/no-such-cause).",
        ),
      },
      ["case-a", "case-b", "case-c"],
    );
    const problems = (await checkContent({ contentDir: dir, cache: createCompileCache(cacheDir) })).map(formatProblem);

    expect(problems).toContain('content/cases/case-a.mdx:7: rootCause: unknown root-cause id "gremlins"');
    expect(problems).toContain('content/cases/case-b.mdx:14: related: unknown case id "case-z"');
    expect(problems).toContainEqual(expect.stringMatching(/^content\/cases\/case-b\.mdx:\d+: MDX does not compile: .*<ip>/));
    expect(problems).toContain("content/cases/case-b.mdx:31: link to /causes/no-such-cause: no such entry");
    expect(problems).toContain('content/seed-inventory.json:14: no case entry content/cases/case-c.mdx for inventory id "case-c"');
    expect(problems).toContain('content/root-causes/mtu-mismatch.mdx:1: missing page for taxonomy id "mtu-mismatch"');
  });

  it("reports the MDX error at the line of the bad text", async () => {
    const source = caseSource({ id: "case-a" }).replace("## Resolution\n\nText.", "## Resolution\n\nUse {broken");
    writeContent(dir, { "case-a": source }, ["case-a"]);
    const problems = await checkContent({ contentDir: dir, cache: createCompileCache(cacheDir) });
    const mdx = problems.find((p) => p.message.startsWith("MDX does not compile"));
    expect(mdx?.line).toBe(source.split("\n").indexOf("Use {broken") + 1);
  });

  it("checks Chinese pages: their own errors, orphans, disagreements with the English page, and the missing ones", async () => {
    writeContent(dir, { "case-a": caseSource({ id: "case-a" }), "case-b": caseSource({ id: "case-b" }) }, ["case-a", "case-b"]);
    fs.mkdirSync(path.join(dir, "zh", "cases"), { recursive: true });
    fs.writeFileSync(path.join(dir, "zh", "cases", "case-a.mdx"), caseZhSource({ id: "case-a", symptoms: ["一", "二"] }, "## 问题\n\nUse {broken\n"));
    fs.writeFileSync(path.join(dir, "zh", "cases", "case-x.mdx"), caseZhSource({ id: "case-x" }));
    const printed = (await checkContent({ contentDir: dir, cache: createCompileCache(cacheDir) })).map(formatProblem);

    expect(printed).toContain('content/zh/cases/case-a.mdx:6: missing section "## 环境"');
    expect(printed).toContain("content/zh/cases/case-x.mdx:1: no English page content/cases/case-x.mdx for this Chinese page");
    expect(printed).toContain("content/cases/case-b.mdx:1: missing Chinese page content/zh/cases/case-b.mdx");
  });

  it("reports a Chinese page that disagrees with the English one, and compiles it", async () => {
    writeContent(dir, { "case-a": caseSource({ id: "case-a" }) }, ["case-a"]);
    fs.mkdirSync(path.join(dir, "zh", "cases"), { recursive: true });
    const zhBody = ["问题", "环境", "诊断", "原因", "解决", "下次如何识别"]
      .map((h) => `## ${h}\n\n正文。\n`)
      .join("\n")
      .replace("## 解决\n\n正文。", "## 解决\n\n用 {broken");
    fs.writeFileSync(path.join(dir, "zh", "cases", "case-a.mdx"), caseZhSource({ id: "case-a", symptoms: ["一", "二"] }, zhBody));
    const printed = (await checkContent({ contentDir: dir, cache: createCompileCache(cacheDir) })).map(formatProblem);

    expect(printed).toContain("content/zh/cases/case-a.mdx:4: symptoms: 2 listed, the English page lists 1 (same order and count)");
    expect(printed).toContainEqual(expect.stringMatching(/^content\/zh\/cases\/case-a\.mdx:\d+: MDX does not compile/));
  });
});

describe("npm run content:check", () => {
  const run = promisify(execFile);

  it("exits non-zero and names the file, line and field of a broken entry", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-cli-"));
    writeContent(dir, { "case-a": caseSource({ id: "case-a", rootCause: "gremlins" }) }, ["case-a"]);
    const result = await run("npx", ["tsx", "scripts/content-check.ts"], {
      cwd: ROOT,
      env: { ...process.env, NETRIAGE_CONTENT_DIR: dir, NETRIAGE_CACHE_DIR: path.join(dir, ".cache") },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/cases/case-a.mdx:7: rootCause: unknown root-cause id "gremlins"');
  });
});

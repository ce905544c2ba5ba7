import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { checkContent, formatProblem } from "@/lib/content/check-content";
import { createCompileCache } from "@/lib/content/compile-cache";
import { checkTrainingExercises } from "@/lib/training/check-exercises";

import { content, CONTENT_DIR, syntheticCase, trees } from "./fixtures";

describe("checkTrainingExercises", () => {
  it("reports nothing for the real library", () => {
    expect(checkTrainingExercises([...content.cases, ...content.rootCauses], trees)).toEqual([]);
  });

  it("reports each resolved problem case that yields no drill, with the reason", () => {
    const broken = syntheticCase("no-issue", { rootCause: "mtu-mismatch" }, { Issue: "" });
    expect(checkTrainingExercises([...content.cases, broken, ...content.rootCauses], trees).map(formatProblem)).toEqual([
      "content/cases/no-issue.mdx:1: cannot build a training exercise: the Issue section is empty",
    ]);
  });
});

describe("checkContent", () => {
  it("includes the training exercise check", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netriage-train-check-"));
    fs.cpSync(CONTENT_DIR, dir, { recursive: true });
    const file = path.join(dir, "cases", "alb-502-keepalive-race.mdx");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/## Issue\n[\s\S]*?## Environment/, "## Issue\n\n## Environment"));

    const problems = await checkContent({
      contentDir: dir,
      cache: createCompileCache(fs.mkdtempSync(path.join(os.tmpdir(), "netriage-train-cache-"))),
      onlyFiles: ["content/cases/alb-502-keepalive-race.mdx"],
    });
    expect(problems.map(formatProblem)).toEqual(["content/cases/alb-502-keepalive-race.mdx:1: cannot build a training exercise: the Issue section is empty"]);
  });
});

import { it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { extractTextSignals } from "@/lib/evidence/text";
it("dump", () => {
  const dir = "content/cases";
  for (const f of readdirSync(dir).sort()) {
    const text = readFileSync(`${dir}/${f}`, "utf8");
    const m = /## Issue\n([\s\S]*?)\n## /.exec(text);
    if (!m) continue;
    const sigs = extractTextSignals(m[1], { kind: "description" });
    console.log(`=== ${f}\n` + sigs.map((s) => `  ${s.id.padEnd(22)} ${s.detail}`).join("\n"));
  }
});

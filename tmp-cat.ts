import { getExerciseCatalogue } from "./lib/training/catalogue";
import { blocksToText } from "./lib/training/markdown";
const t0 = Date.now();
const c = getExerciseCatalogue();
console.log("ms", Date.now() - t0, "exercises", c.exercises.length, "failures", c.failures);
for (const e of c.exercises) {
  if (e.kind === "ticket") {
    console.log(`\n=== ${e.caseId} [${e.rootCause}] symptom=${e.symptom.id} reveal=${e.reveal.kind}`);
    console.log("ISSUE:", blocksToText(e.issue));
    console.log("ENV:", blocksToText(e.environment));
    for (const s of e.steps) console.log(`  ${s.right ? "+" : "-"} [${s.kind}] ${s.label} :: ${s.why}`);
    console.log("  causes:", e.causes.map(c => c.id).join(", "));
    console.log("  evidence:", e.explanation.evidence.map(x => x.signal).join(", "));
  } else {
    console.log(`\n=== SIGNAL ${e.caseId} [${e.rootCause}] lines=${e.lines.length} telling=${e.telling.map(t => t.lineNumber).join(",")}`);
  }
}

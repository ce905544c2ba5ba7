// npm run bench:triage: time diagnose() for a typical ticket, 1 MB and 5 MB pasted outputs, and the
// adversarial shapes of about 5 MB (only newlines, one long line, random bytes, one repeated log line,
// 100 outputs of 50 KB). Prints median and p99 side by side and the time per MB, which must stay linear.
import { diagnose } from "../lib/triage/diagnose";
import type { DiagnoseInput } from "../lib/triage/diagnose-schema";
import { getTriageKnowledge } from "../lib/triage/knowledge";
import { BENCH_SHAPES, MB, TYPICAL } from "./triage-shapes";

const knowledge = getTriageKnowledge();

function measure(input: DiagnoseInput, runs: number): { median: number; p99: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    diagnose(input, knowledge);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p99: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] };
}

diagnose(TYPICAL, knowledge); // warm up
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const rows = BENCH_SHAPES.filter((c) => !only || c.name.includes(only)).map(({ name, input, runs }) => {
  const ticket = input();
  const bytes = Buffer.byteLength(ticket.description) + (ticket.outputs ?? []).reduce((sum, output) => sum + Buffer.byteLength(output.text), 0);
  return { name, bytes, ...measure(ticket, runs) };
});

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ rows: rows.map((r) => ({ name: r.name, bytes: r.bytes, medianMs: r.median, p99Ms: r.p99 })) }));
} else {
  console.log("input            text size    median ms    p99 ms    ms per MB");
  for (const r of rows) {
    const perMb = r.bytes >= MB ? (r.median / (r.bytes / MB)).toFixed(1) : "-";
    console.log(
      `${r.name.padEnd(16)} ${String(Math.round(r.bytes / 1024)).padStart(7)} KB ${r.median.toFixed(2).padStart(11)} ${r.p99.toFixed(2).padStart(9)} ${perMb.padStart(12)}`,
    );
  }
  const oneMb = rows.find((r) => r.name === "1 MB output");
  const fiveMb = rows.find((r) => r.name === "5 MB output");
  if (oneMb && fiveMb) console.log(`\n5 MB / 1 MB median ratio: ${(fiveMb.median / oneMb.median).toFixed(2)} (linear = 5.0)`);
  const slow = rows.filter((r) => r.bytes >= MB && r.median >= 500).map((r) => r.name);
  console.log(`goal, every shape of up to 5 MB under 500 ms median: ${slow.length === 0 ? "met" : `NOT met by ${slow.join(", ")}`}`);
  console.log("The server stops any diagnosis after its time budget (server/diagnosis-pool.ts) and answers 503.");
}

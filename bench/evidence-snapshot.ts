// Writes what the engine reads and ranks for every known ticket, so that a change meant to leave
// results alone (a faster parser, a cheaper pass) can be checked byte for byte:
//   npx tsx bench/evidence-snapshot.ts > before.jsonl; (change); npx tsx bench/evidence-snapshot.ts | cmp before.jsonl -
// Covers the confirmed and held-out tickets, every case page's code blocks, the same lines shuffled
// together (so that every parser meets every neighbour) and the bench:triage shapes.
import fs from "node:fs";
import path from "node:path";

import { extractEvidence, type EvidenceInput } from "../lib/evidence/extract";
import { diagnose } from "../lib/triage/diagnose";
import { getTriageKnowledge } from "../lib/triage/knowledge";
import { loadTicketSets } from "../lib/triage/tickets";
import { BENCH_SHAPES } from "./triage-shapes";

const ROOT = path.join(import.meta.dirname, "..");
const knowledge = getTriageKnowledge();

type Ticket = { name: string; input: EvidenceInput };

const ticketsIn = (dir: string): Ticket[] =>
  loadTicketSets(path.join(ROOT, dir)).map((t) => ({ name: `${dir}/${t.id}`, input: { description: t.description, outputs: t.outputs } }));

const FENCE = /^```[^\n]*\n([\s\S]*?)^```/gm;
function caseTickets(dir: string): Ticket[] {
  return fs
    .readdirSync(path.join(ROOT, dir))
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .map((name) => {
      const body = fs.readFileSync(path.join(ROOT, dir, name), "utf8");
      return { name: `${dir}/${name}`, input: { description: body, outputs: [...body.matchAll(FENCE)].map((m) => ({ text: m[1] })) } };
    });
}

/** Every line of every ticket, in a fixed pseudo-random order, cut into outputs of 500 lines. */
function shuffled(tickets: Ticket[]): Ticket[] {
  const lines = tickets.flatMap(({ input }) => [input.description, ...(input.outputs ?? []).map((o) => o.text)].join("\n").split("\n"));
  let state = 12345;
  for (let i = lines.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  const outputs = [];
  for (let i = 0; i < lines.length; i += 500) outputs.push({ text: lines.slice(i, i + 500).join("\n") });
  return [{ name: "shuffled lines", input: { description: "", outputs } }];
}

const corpus = [...ticketsIn("content/tickets"), ...ticketsIn("test/triage/tickets"), ...caseTickets("content/cases"), ...caseTickets("content/zh/cases")];
const tickets = [...corpus, ...shuffled(corpus), ...BENCH_SHAPES.map((shape) => ({ name: shape.name, input: shape.input() }))];

for (const { name, input } of tickets) {
  const signals = extractEvidence(input);
  const result = diagnose({ description: input.description, outputs: input.outputs }, knowledge);
  const { engineVersion: _version, ...rest } = result;
  console.log(JSON.stringify({ name, signals, result: rest }));
}

import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

import { ROOT_CAUSE_IDS } from "../content/root-cause-ids";

const rootCauseId = z.enum(ROOT_CAUSE_IDS);

/** A ticket whose cause is known: what the reporter wrote and pasted, and the cause found. */
export const labelledTicketSchema = z.object({
  id: z.string().min(1),
  expected: rootCauseId,
  /** Other causes that would be a fair answer. */
  also: z.array(rootCauseId).default([]),
  lang: z.enum(["en", "zh"]),
  /** Where a real report came from (thread, question, article). */
  source: z.url().optional(),
  sourceKind: z.enum(["github-issue", "qa", "vendor-kb", "blog", "postmortem", "mailing-list"]).optional(),
  description: z.string(),
  outputs: z.array(z.object({ command: z.string().optional(), text: z.string() })).default([]),
});

export const ticketSetSchema = z.object({ description: z.string().optional(), tickets: z.array(labelledTicketSchema) });

export type LabelledTicket = z.infer<typeof labelledTicketSchema>;

/** Folder of the confirmed tickets the engine learns from, inside the content dir. */
export const TICKETS_DIR = "tickets";

/** Every ticket of the JSON sets in `dir` (none when it does not exist); throws naming the file on a bad set. */
export function loadTicketSets(dir: string): LabelledTicket[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => loadTicketSet(path.join(dir, name)));
}

export function loadTicketSet(file: string): LabelledTicket[] {
  const parsed = ticketSetSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data.tickets;
}

/** The text a ticket gives to read: its description and every pasted output. */
export const ticketText = (ticket: { description: string; outputs?: { text: string }[] }): string =>
  [ticket.description, ...(ticket.outputs ?? []).map((o) => o.text)].join("\n");

// npm run --silent triage:replay: re-diagnoses every confirmed triage session of DATABASE_URL with the
// current engine and prints {"sessions", "top1", "top3", "changed": [{"session", "confirmed", "before", "after"}]}.
import path from "node:path";

import { getContentLibrary } from "../lib/content/library";
import { closePrisma, getPrisma } from "../lib/db";
import { getContentDir } from "../lib/env";
import { readConfirmedSessions } from "../lib/sessions/confirmed";
import { buildTriageKnowledge } from "../lib/triage/knowledge";
import { loadTrees } from "../lib/triage/load-trees";
import { replaySessions } from "../lib/triage/replay";
import { loadTicketSets, TICKETS_DIR } from "../lib/triage/tickets";

const sessions = await readConfirmedSessions(getPrisma());
await closePrisma();
const library = getContentLibrary();
const trees = loadTrees(getContentDir());
const tickets = loadTicketSets(path.join(getContentDir(), TICKETS_DIR));
const report = replaySessions(sessions, (learned) => buildTriageKnowledge(library, trees, tickets, learned));
process.stdout.write(`${JSON.stringify(report)}\n`);

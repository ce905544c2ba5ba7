// npm run --silent triage:replay: re-diagnoses every confirmed triage session of DATABASE_URL with the
// current engine and prints {"sessions", "top1", "top3", "changed": [{"session", "confirmed", "before", "after"}]}.
import { closePrisma, getPrisma } from "../lib/db";
import { readConfirmedSessions } from "../lib/sessions/confirmed";
import { buildContentKnowledge } from "../lib/triage/knowledge";
import { replaySessions } from "../lib/triage/replay";

const sessions = await readConfirmedSessions(getPrisma());
await closePrisma();
process.stdout.write(`${JSON.stringify(replaySessions(sessions, buildContentKnowledge))}\n`);

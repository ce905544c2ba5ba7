// npm run --silent triage:replay: re-diagnoses every confirmed triage session of DATABASE_URL with the
// current engine (the repository plus the cases published in the app) and prints
// {"sessions", "top1", "top3", "changed": [{"session", "confirmed", "before", "after"}]}.
import { closePrisma, getPrisma } from "../lib/db";
import { getLiveLearnedCases } from "../lib/library/live-library";
import { readConfirmedSessions } from "../lib/sessions/confirmed";
import { buildContentKnowledge } from "../lib/triage/knowledge";
import { replaySessions } from "../lib/triage/replay";

const [sessions, library] = await Promise.all([readConfirmedSessions(getPrisma()), getLiveLearnedCases(getPrisma())]);
await closePrisma();
process.stdout.write(`${JSON.stringify(replaySessions(sessions, (learned) => buildContentKnowledge(learned, library.cases)))}\n`);

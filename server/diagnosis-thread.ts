// One thread of the diagnosis pool (server/diagnosis-pool.ts): diagnoses the tickets it is sent and
// posts each result back, so a heavy paste never blocks the thread that answers requests.
import { parentPort } from "node:worker_threads";

import { FieldError } from "../lib/field-error";
import { diagnose } from "../lib/triage/diagnose";
import type { DiagnoseInput } from "../lib/triage/diagnose-schema";
import { getTriageKnowledge } from "../lib/triage/knowledge";

export type DiagnosisTask = { id: number; input: DiagnoseInput };
export type DiagnosisReply =
  | { id: number; ok: true; result: ReturnType<typeof diagnose> }
  | { id: number; ok: false; fieldError?: { path: string; message: string }; message: string };

if (!parentPort) throw new Error("diagnosis-thread runs as a worker thread");
const port = parentPort;
const knowledge = getTriageKnowledge();

port.on("message", ({ id, input }: DiagnosisTask) => {
  let reply: DiagnosisReply;
  try {
    reply = { id, ok: true, result: diagnose(input, knowledge) };
  } catch (error) {
    reply =
      error instanceof FieldError
        ? { id, ok: false, fieldError: { path: error.path, message: error.message }, message: error.message }
        : { id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage("ready");

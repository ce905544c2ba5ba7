// One thread of the diagnosis pool (server/diagnosis-pool.ts): diagnoses the tickets it is sent and
// posts each result back, so a heavy paste never blocks the thread that answers requests.
import os from "node:os";
import { parentPort } from "node:worker_threads";

import { FieldError } from "../lib/field-error";
import { diagnose } from "../lib/triage/diagnose";
import type { DiagnoseInput } from "../lib/triage/diagnose-schema";
import { engineVersionOf } from "../lib/triage/engine-version";
import { getTriageKnowledge } from "../lib/triage/knowledge";
import { NOTHING_LEARNED, type LearnedSet } from "../lib/triage/learned";

/** Niceness of a diagnosis thread (0 normal, 19 lowest). */
const DIAGNOSIS_THREAD_NICENESS = 10;

export type DiagnosisTask = { id: number; input: DiagnoseInput };
/** Sent when what the engine learns from (confirmed sessions, in-app cases) changed since this thread last heard. */
export type LearnedUpdate = { learned: LearnedSet };
export type DiagnosisReply =
  { id: number; ok: true; result: ReturnType<typeof diagnose> } | { id: number; ok: false; fieldError?: { path: string; message: string }; message: string };

if (!parentPort) throw new Error("diagnosis-thread runs as a worker thread");
const port = parentPort;
// On Linux a priority belongs to a thread: this lowers only this one, so when the cores are busy the
// thread answering requests runs first and a long diagnosis waits.
os.setPriority(DIAGNOSIS_THREAD_NICENESS);
let learned = NOTHING_LEARNED;
// Loaded (and its version hashed) before the thread says it is ready, so a first diagnosis waits for neither.
engineVersionOf(getTriageKnowledge());

port.on("message", (message: DiagnosisTask | LearnedUpdate) => {
  if ("learned" in message) {
    learned = message.learned;
    // Rebuilt now, so the next diagnosis does not wait for it.
    engineVersionOf(getTriageKnowledge(learned));
    return;
  }
  const { id, input } = message;
  let reply: DiagnosisReply;
  try {
    reply = { id, ok: true, result: diagnose(input, getTriageKnowledge(learned)) };
  } catch (error) {
    reply =
      error instanceof FieldError
        ? { id, ok: false, fieldError: { path: error.path, message: error.message }, message: error.message }
        : { id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage("ready");

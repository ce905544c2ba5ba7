// A small pool of worker threads that run diagnoses, so that a heavy paste (megabytes of output)
// never blocks the thread that answers searches and pages. Each diagnosis has a time budget from the
// moment it is asked for: past it, the caller gets a 503 naming the limit, and a thread still working
// on it is stopped and replaced.
import { Worker } from "node:worker_threads";

import { FieldError } from "../lib/field-error";
import { AppError } from "../lib/http/errors";
import type { DiagnoseResult } from "../lib/triage/diagnose";
import type { DiagnoseInput } from "../lib/triage/diagnose-schema";
import { NOTHING_LEARNED, type LearnedSet } from "../lib/triage/learned";
import type { DiagnosisReply, DiagnosisTask, LearnedUpdate } from "./diagnosis-thread";

/** How long one diagnosis may take, waiting included, before it is answered with 503. */
export const DIAGNOSIS_TIME_LIMIT_MS = 5_000;
/** Diagnoses waiting for a thread beyond this many are refused at once with 503. */
export const DIAGNOSIS_QUEUE_LIMIT = 200;

export type DiagnosisPoolOptions = {
  /** The bundled server/diagnosis-thread.ts. */
  threadScript: URL | string;
  threads: number;
  timeLimitMs?: number;
  queueLimit?: number;
};

export type DiagnosisPool = {
  /** Diagnoses with the library plus `learned` (a thread relearns when its key changes). */
  diagnose(input: DiagnoseInput, learned?: LearnedSet): Promise<DiagnoseResult>;
  /** Sends a changed `learned` to every thread now, so each rebuilds its knowledge before its next diagnosis asks for it. */
  warm(learned: LearnedSet): void;
  close(): Promise<void>;
};

type Task = DiagnosisTask & { learned: LearnedSet; resolve(result: DiagnoseResult): void; reject(error: unknown): void; timer: NodeJS.Timeout };
type Slot = { worker: Worker; ready: boolean; task?: Task; learnedKey: string };

export function createDiagnosisPool({
  threadScript,
  threads,
  timeLimitMs = DIAGNOSIS_TIME_LIMIT_MS,
  queueLimit = DIAGNOSIS_QUEUE_LIMIT,
}: DiagnosisPoolOptions): DiagnosisPool {
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;
  /** Set when a thread fails before it is ready (a broken build): no thread is started again. */
  let startFailure: unknown;
  const slots: Slot[] = [];
  for (let i = 0; i < threads; i++) slots.push(startSlot());

  function startSlot(): Slot {
    const slot: Slot = { worker: new Worker(threadScript), ready: false, learnedKey: NOTHING_LEARNED.key };
    slot.worker.on("message", (message: DiagnosisReply | "ready") => {
      if (message === "ready") slot.ready = true;
      else finish(slot, message);
      dispatch();
    });
    slot.worker.on("error", (error) => {
      console.error("diagnosis thread failed", error);
      slot.task?.reject(error);
      if (!slot.ready) {
        startFailure = error;
        for (const task of queue.splice(0)) {
          clearTimeout(task.timer);
          task.reject(error);
        }
      }
      replace(slot);
    });
    slot.worker.on("exit", () => {
      if (closed || !slots.includes(slot)) return;
      slot.task?.reject(new Error("diagnosis thread exited"));
      replace(slot);
    });
    return slot;
  }

  function replace(slot: Slot): void {
    const at = slots.indexOf(slot);
    if (at === -1) return;
    if (slot.task) clearTimeout(slot.task.timer);
    slots.splice(at, 1);
    void slot.worker.terminate();
    if (!closed && startFailure === undefined) slots.push(startSlot());
  }

  function finish(slot: Slot, reply: DiagnosisReply): void {
    const task = slot.task;
    slot.task = undefined;
    if (!task || task.id !== reply.id) return;
    clearTimeout(task.timer);
    if (reply.ok) task.resolve(reply.result);
    else if (reply.fieldError) task.reject(new FieldError(reply.fieldError.path, reply.fieldError.message));
    else task.reject(new Error(`diagnosis failed in its thread: ${reply.message}`));
  }

  /** Tells the thread of a change (it rebuilds on receipt, after any diagnosis it is running). */
  function teach(slot: Slot, learned: LearnedSet): void {
    if (slot.learnedKey === learned.key) return;
    slot.worker.postMessage({ learned } satisfies LearnedUpdate);
    slot.learnedKey = learned.key;
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = queue.shift() as Task;
      slot.task = task;
      teach(slot, task.learned);
      slot.worker.postMessage({ id: task.id, input: task.input } satisfies DiagnosisTask);
    }
  }

  function expire(task: Task): void {
    const queued = queue.indexOf(task);
    if (queued !== -1) queue.splice(queued, 1);
    const slot = slots.find((s) => s.task === task);
    if (slot) {
      slot.task = undefined;
      replace(slot);
    }
    task.reject(
      new AppError(503, `diagnosis did not finish within the ${timeLimitMs / 1000} s time limit; paste less output or try again`, { "retry-after": "5" }),
    );
  }

  function warm(learned: LearnedSet): void {
    for (const slot of slots) if (slot.ready) teach(slot, learned);
  }

  return {
    warm,
    diagnose(input, learned = NOTHING_LEARNED) {
      if (closed) return Promise.reject(new Error("diagnosis pool is closed"));
      if (startFailure !== undefined) return Promise.reject(startFailure);
      if (queue.length >= queueLimit) {
        return Promise.reject(new AppError(503, `too many diagnoses waiting (limit ${queueLimit}); try again shortly`, { "retry-after": "5" }));
      }
      warm(learned);
      return new Promise<DiagnoseResult>((resolve, reject) => {
        const task = { id: nextId++, input, learned, resolve, reject } as Task;
        task.timer = setTimeout(() => expire(task), timeLimitMs);
        queue.push(task);
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) {
        clearTimeout(task.timer);
        task.reject(new Error("diagnosis pool is closed"));
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

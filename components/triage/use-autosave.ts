"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { ApiError, fetchJson } from "@/lib/http/fetch-json";
import { mergeSessionChange, type SessionChange as Change } from "@/lib/sessions/merge";
import type { TriageSessionView } from "@/lib/triage/client-types";

export type SaveState = "saved" | "saving" | "offline" | "conflict" | "error";

const DEBOUNCE_MS = 600;
const MAX_RETRY_MS = 15_000;

/**
 * Saves pending changes after a pause, naming the version last saved. Retries with backoff when
 * the network fails; stops on 409 (someone else saved) until the caller reloads.
 */
export function useAutosave(sessionId: string, initialVersion: number, onMerged: (session: TriageSessionView) => void) {
  const [state, setState] = useState<SaveState>("saved");
  const [message, setMessage] = useState<string>();
  const version = useRef(initialVersion);
  const pending = useRef<Change>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<void> | undefined>(undefined);
  const retryDelay = useRef(1000);
  /** After a 409 nothing is saved until the engineer merges or reloads. */
  const conflicted = useRef(false);

  const flush = useCallback(async (): Promise<void> => {
    if (inFlight.current) await inFlight.current;
    const change = pending.current;
    if (conflicted.current || Object.keys(change).length === 0) return;
    pending.current = {};
    setState("saving");
    const attempt = (async () => {
      try {
        const saved = await fetchJson<TriageSessionView>(`/api/sessions/${sessionId}`, { method: "PUT", body: { ...change, version: version.current } });
        version.current = saved.version;
        retryDelay.current = 1000;
        setMessage(undefined);
        setState(Object.keys(pending.current).length > 0 ? "saving" : "saved");
      } catch (error) {
        const status = error instanceof ApiError ? error.status : 0;
        if (status === 0) {
          pending.current = { ...change, ...pending.current };
          setState("offline");
          timer.current = setTimeout(() => void flush(), retryDelay.current);
          retryDelay.current = Math.min(retryDelay.current * 2, MAX_RETRY_MS);
        } else if (status === 409) {
          conflicted.current = true;
          pending.current = { ...change, ...pending.current };
          setMessage((error as Error).message);
          setState("conflict");
        } else {
          setMessage((error as Error).message);
          setState("error");
        }
      }
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = undefined;
    if (Object.keys(pending.current).length > 0 && timer.current === undefined) schedule();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- flush and schedule call each other; both change only with the session
  }, [sessionId]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void flush();
    }, DEBOUNCE_MS);
  }, [flush]);

  const save = useCallback(
    (change: Change) => {
      pending.current = { ...pending.current, ...change };
      setState((s) => (s === "conflict" ? s : "saving"));
      schedule();
    },
    [schedule],
  );

  /** Rebases the unsaved changes onto the session saved elsewhere and saves the result. */
  const merge = useCallback(async () => {
    const saved = await fetchJson<TriageSessionView>(`/api/sessions/${sessionId}`).catch(() => undefined);
    if (!saved) return;
    const change = mergeSessionChange(saved, pending.current);
    pending.current = {};
    conflicted.current = false;
    try {
      const merged = await fetchJson<TriageSessionView>(`/api/sessions/${sessionId}`, { method: "PUT", body: { ...change, version: saved.version } });
      version.current = merged.version;
      setMessage(undefined);
      setState("saved");
      onMerged(merged);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      pending.current = { ...change, ...pending.current };
      conflicted.current = status === 409;
      setMessage((error as Error).message);
      setState(status === 409 ? "conflict" : "error");
    }
  }, [sessionId, onMerged]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (Object.keys(pending.current).length > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  /** Forgets unsaved changes (before reloading the saved session). */
  const discard = useCallback(() => {
    pending.current = {};
    clearTimeout(timer.current);
  }, []);

  return { state, message, save, flush, merge, discard };
}

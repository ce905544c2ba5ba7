"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { z } from "zod";

import { fetchJson } from "@/lib/http/fetch-json";
import { learnerIdSchema } from "@/lib/training/schemas";
import { goToSignIn, useViewer } from "@/components/auth/use-viewer";

const STORAGE_KEY = "netriage.learner";

const storedLearnerSchema = z.object({ id: learnerIdSchema, name: z.string().min(1) });

export type Learner = z.infer<typeof storedLearnerSchema>;

function readStoredLearner(): Learner | null {
  try {
    const parsed = storedLearnerSchema.safeParse(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The learner this browser trains as; undefined until known. With sign-in on it is the signed-in
 * user's (an anonymous visitor is sent to sign in); otherwise the name picked, kept in localStorage.
 * `knownLearner` waits for it, so an answer given while it loads is not lost.
 */
export function useLearner(): {
  learner: Learner | null | undefined;
  knownLearner: () => Promise<Learner | null>;
  setLearner: (learner: Learner | null) => void;
  signedIn: boolean;
} {
  const [learner, setState] = useState<Learner | null | undefined>(undefined);
  const waiting = useRef<((learner: Learner | null) => void)[]>([]);
  const viewer = useViewer();
  useEffect(() => {
    if (!viewer) return;
    if (!viewer.signInRequired) return setState(readStoredLearner());
    if (!viewer.user) return goToSignIn();
    fetchJson<Learner>("/api/train/learners", { method: "POST", body: {} }).then(setState, () => setState(null));
  }, [viewer]);
  useEffect(() => {
    if (learner !== undefined) for (const resolve of waiting.current.splice(0)) resolve(learner);
  }, [learner]);
  const knownLearner = useCallback(
    () => (learner !== undefined ? Promise.resolve(learner) : new Promise<Learner | null>((resolve) => waiting.current.push(resolve))),
    [learner],
  );
  const setLearner = useCallback((next: Learner | null) => {
    if (next) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else window.localStorage.removeItem(STORAGE_KEY);
    setState(next);
  }, []);
  return { learner, knownLearner, setLearner, signedIn: Boolean(viewer?.user) };
}

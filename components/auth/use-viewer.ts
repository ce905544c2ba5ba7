"use client";

import { useEffect, useState } from "react";

import type { Viewer } from "@/lib/auth/access";
import { fetchJson } from "@/lib/http/fetch-json";

/** Who this browser is signed in as (from /api/auth/me); undefined until known. Pages stay static. */
export function useViewer(): Viewer | undefined {
  const [viewer, setViewer] = useState<Viewer>();
  useEffect(() => {
    let live = true;
    fetchJson<Viewer>("/api/auth/me")
      .then((value) => live && setViewer(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return viewer;
}

/** Sends the browser to the sign-in page, to come back here after. */
export function goToSignIn(): void {
  window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}

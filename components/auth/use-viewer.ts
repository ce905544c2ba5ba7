"use client";

import { useEffect, useState } from "react";

import type { Viewer } from "@/lib/auth/access";
import { fetchJson } from "@/lib/http/fetch-json";
import { localizePath, splitLocale } from "@/lib/i18n/paths";

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
  const { locale } = splitLocale(window.location.pathname);
  window.location.assign(localizePath(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, locale));
}

"use client";

import Link from "next/link";

import { fetchJson } from "@/lib/http/fetch-json";

import { useViewer } from "./use-viewer";

/** The header's account corner: nothing while sign-in is off, else "Sign in" or the user and "Sign out". */
export function AccountMenu() {
  const viewer = useViewer();
  if (!viewer?.signInRequired) return null;
  if (!viewer.user) {
    return (
      <Link href="/sign-in" className="account-link">
        Sign in
      </Link>
    );
  }
  const signOut = async () => {
    await fetchJson("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
    window.location.assign("/");
  };
  return (
    <span className="account-menu">
      {viewer.user.role === "admin" && <Link href="/admin/users">Accounts</Link>}
      <Link href="/account" className="account-email" title={`${viewer.user.role}: your account`}>
        {viewer.user.email}
      </Link>
      <button type="button" className="button link" onClick={signOut}>
        Sign out
      </button>
    </span>
  );
}

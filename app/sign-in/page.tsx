import type { Metadata } from "next";

import { oidcEnabled } from "@/lib/auth/oidc";
import { readEnv } from "@/lib/env";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const after = typeof next === "string" ? next : undefined;
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">Saved triage sessions and training are for signed-in colleagues. Cases, causes and search stay open.</p>
      {oidcEnabled(readEnv()) && (
        <p>
          <a className="button primary" href={`/api/auth/oidc/start?next=${encodeURIComponent(after ?? "/triage")}`}>
            Sign in with single sign-on
          </a>
        </p>
      )}
      <SignInForm next={after} />
    </>
  );
}

import type { Metadata } from "next";

import { hasAccounts } from "@/lib/auth/accounts";
import { oidcEnabled } from "@/lib/auth/oidc";
import { getPrisma } from "@/lib/db";
import { readEnv } from "@/lib/env";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const after = typeof next === "string" ? next : undefined;
  const settings = readEnv();
  const anyAccount = await hasAccounts(getPrisma());
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">
        Saved triage sessions and training are for signed-in colleagues.
        {settings.NETRIAGE_PUBLIC_LIBRARY ? " Cases, causes and search are open to everyone." : " On this site, cases, causes and search need an account too."}
      </p>
      {oidcEnabled(readEnv()) && (
        <p>
          <a className="button primary" href={`/api/auth/oidc/start?next=${encodeURIComponent(after ?? "/triage")}`}>
            Sign in with single sign-on
          </a>
        </p>
      )}
      <SignInForm next={after} />
      {anyAccount ? (
        <p className="card-meta sign-in-note">
          No account yet? An admin of this site creates it on the Accounts page and gives you the first password; you can change it afterwards under your
          account.
        </p>
      ) : (
        <div className="panel sign-in-note" role="note">
          <h2>No account exists yet</h2>
          <p>
            This installation has no accounts. Whoever runs it creates the first admin from the shell, in the Netriage folder:{" "}
            <code>npm run user:create -- --email you@example.com --role admin</code>. The command prints a password once; sign in with it here, then create
            everyone else&apos;s account on the Accounts page.
          </p>
        </div>
      )}
    </>
  );
}

import type { Metadata } from "next";

import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      <p className="lede">Saved triage sessions and training are for signed-in colleagues. Cases, causes and search stay open.</p>
      <SignInForm next={typeof next === "string" ? next : undefined} />
    </>
  );
}

import type { Metadata } from "next";

import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const { user } = await requirePageViewer("/account");
  return (
    <>
      <h1>Your account</h1>
      {user ? (
        <p className="lede">
          Signed in as <strong>{user.email}</strong> ({user.role}).
        </p>
      ) : (
        <p className="lede">Sign-in is off: nobody has an account here yet.</p>
      )}
      {user && <ChangePasswordForm />}
    </>
  );
}

import type { Metadata } from "next";

import { listUsers } from "@/lib/auth/accounts";
import { getPrisma } from "@/lib/db";
import { AccountsAdmin } from "@/components/auth/accounts-admin";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: "Accounts" };
export const dynamic = "force-dynamic";

export default async function AccountsPage() {
  const viewer = await requirePageViewer("/admin/users", "admin");
  return (
    <>
      <h1>Accounts</h1>
      {viewer.user ? (
        <AccountsAdmin initialAccounts={await listUsers(getPrisma())} selfId={viewer.user.id} />
      ) : (
        <p className="lede">
          Sign-in is off: there is no account yet. Create the first admin from the shell with{" "}
          <code>npm run user:create -- --email you@example.com --role admin</code>; from then on everyone signs in.
        </p>
      )}
    </>
  );
}

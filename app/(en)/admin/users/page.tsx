import { adminUsersMetadata, AdminUsersPage } from "@/app/_pages/admin-users";

export const generateMetadata = () => adminUsersMetadata("en");
export const dynamic = "force-dynamic";

export default function Page() {
  return <AdminUsersPage locale="en" />;
}

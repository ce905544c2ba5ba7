import { adminUsersMetadata, AdminUsersPage } from "@/app/_pages/admin-users";

export const generateMetadata = () => adminUsersMetadata("zh");
export const dynamic = "force-dynamic";

export default function Page() {
  return <AdminUsersPage locale="zh" />;
}

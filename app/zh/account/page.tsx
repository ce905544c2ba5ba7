import { accountMetadata, AccountPage } from "@/app/_pages/account";

export const generateMetadata = () => accountMetadata("zh");

export default function Page() {
  return <AccountPage locale="zh" />;
}

import { causesMetadata, CausesPage } from "@/app/_pages/causes";

export const generateMetadata = () => causesMetadata("zh");

export default function Page() {
  return <CausesPage locale="zh" />;
}

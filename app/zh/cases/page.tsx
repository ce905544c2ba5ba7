import { casesMetadata, CasesPage } from "@/app/_pages/cases";

export const generateMetadata = () => casesMetadata("zh");

export default function Page() {
  return <CasesPage locale="zh" />;
}

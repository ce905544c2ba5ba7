import { casesMetadata, CasesPage } from "@/app/_pages/cases";

export const generateMetadata = () => casesMetadata("en");

export default function Page() {
  return <CasesPage locale="en" />;
}

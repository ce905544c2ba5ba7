import { newCaseMetadata, NewCasePage } from "@/app/_pages/library-editor";

export const dynamic = "force-dynamic";
export const generateMetadata = () => newCaseMetadata("en");

export default function Page() {
  return <NewCasePage locale="en" />;
}

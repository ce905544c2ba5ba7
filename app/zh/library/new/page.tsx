import { newCaseMetadata, NewCasePage } from "@/app/_pages/library-editor";

export const dynamic = "force-dynamic";
export const generateMetadata = () => newCaseMetadata("zh");

export default function Page() {
  return <NewCasePage locale="zh" />;
}

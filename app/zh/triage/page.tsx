import { triageMetadata, TriagePage } from "@/app/_pages/triage";

export const generateMetadata = () => triageMetadata("zh");
export const dynamic = "force-dynamic";

export default function Page() {
  return <TriagePage locale="zh" />;
}

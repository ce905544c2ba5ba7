import { triageMetadata, TriagePage } from "@/app/_pages/triage";

export const generateMetadata = () => triageMetadata("en");
export const dynamic = "force-dynamic";

export default function Page() {
  return <TriagePage locale="en" />;
}

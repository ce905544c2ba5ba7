import { insightsMetadata, InsightsPage } from "@/app/_pages/insights";

export const dynamic = "force-dynamic";
export const generateMetadata = () => insightsMetadata("zh");

export default function Page() {
  return <InsightsPage locale="zh" />;
}

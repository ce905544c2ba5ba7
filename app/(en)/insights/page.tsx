import { insightsMetadata, InsightsPage } from "@/app/_pages/insights";

export const dynamic = "force-dynamic";
export const generateMetadata = () => insightsMetadata("en");

export default function Page() {
  return <InsightsPage locale="en" />;
}

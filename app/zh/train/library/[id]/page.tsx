import { drillMetadata, DrillPage, type DrillPageProps } from "@/app/_pages/drill";

export const dynamic = "force-dynamic";
export const generateMetadata = (props: DrillPageProps) => drillMetadata("zh", { ...props, live: true });

export default function Page(props: DrillPageProps) {
  return <DrillPage locale="zh" live {...props} />;
}

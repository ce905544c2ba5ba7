import { drillMetadata, DrillPage, drillParams, type DrillPageProps } from "@/app/_pages/drill";

export const dynamicParams = false;
export const generateStaticParams = drillParams;
export const generateMetadata = (props: DrillPageProps) => drillMetadata("zh", props);

export default function Page(props: DrillPageProps) {
  return <DrillPage locale="zh" {...props} />;
}

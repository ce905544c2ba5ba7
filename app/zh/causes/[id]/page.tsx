import { causeMetadata, CausePage, causeParams, type CausePageProps } from "@/app/_pages/cause";

export const dynamicParams = false;
export const generateStaticParams = causeParams;
export const generateMetadata = (props: CausePageProps) => causeMetadata("zh", props);

export default function Page(props: CausePageProps) {
  return <CausePage locale="zh" {...props} />;
}

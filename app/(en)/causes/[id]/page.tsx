import { causeMetadata, CausePage, causeParams, type CausePageProps } from "@/app/_pages/cause";

export const dynamicParams = false;
export const generateStaticParams = causeParams;
export const generateMetadata = (props: CausePageProps) => causeMetadata("en", props);

export default function Page(props: CausePageProps) {
  return <CausePage locale="en" {...props} />;
}

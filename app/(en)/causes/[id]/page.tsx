import { causeMetadata, CausePage, type CausePageProps } from "@/app/_pages/cause";

// Rendered per request: its case lists include cases published in the app since the build.
export const dynamic = "force-dynamic";
export const generateMetadata = (props: CausePageProps) => causeMetadata("en", props);

export default function Page(props: CausePageProps) {
  return <CausePage locale="en" {...props} />;
}

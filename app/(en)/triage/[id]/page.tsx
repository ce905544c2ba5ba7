import { triageSessionMetadata, TriageSessionPage, type TriageSessionPageProps } from "@/app/_pages/triage-session";

export const generateMetadata = () => triageSessionMetadata("en");
export const dynamic = "force-dynamic";

export default function Page(props: TriageSessionPageProps) {
  return <TriageSessionPage locale="en" {...props} />;
}

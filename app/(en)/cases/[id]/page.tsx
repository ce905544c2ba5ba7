import { caseMetadata, CasePage, caseParams, type CasePageProps } from "@/app/_pages/case";

export const dynamicParams = false;
export const generateStaticParams = caseParams;
export const generateMetadata = (props: CasePageProps) => caseMetadata("en", props);

export default function Page(props: CasePageProps) {
  return <CasePage locale="en" {...props} />;
}

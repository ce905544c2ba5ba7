import { casesMetadata, CasesPage, type CasesPageProps } from "@/app/_pages/cases";

// Rendered per request: the list includes cases published in the app since the build.
export const dynamic = "force-dynamic";
export const generateMetadata = () => casesMetadata("zh");

export default function Page({ searchParams }: CasesPageProps) {
  return <CasesPage locale="zh" searchParams={searchParams} />;
}

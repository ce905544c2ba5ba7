import { editCaseMetadata, EditCasePage, type EditCasePageProps } from "@/app/_pages/library-editor";

export const dynamic = "force-dynamic";
export const generateMetadata = () => editCaseMetadata("zh");

export default function Page(props: EditCasePageProps) {
  return <EditCasePage locale="zh" {...props} />;
}

import { searchMetadata, SearchPage, type SearchPageProps } from "@/app/_pages/search";

export const generateMetadata = () => searchMetadata("zh");
export const dynamic = "force-dynamic";

export default function Page(props: SearchPageProps) {
  return <SearchPage locale="zh" {...props} />;
}

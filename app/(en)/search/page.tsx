import { searchMetadata, SearchPage, type SearchPageProps } from "@/app/_pages/search";

export const generateMetadata = () => searchMetadata("en");
export const dynamic = "force-dynamic";

export default function Page(props: SearchPageProps) {
  return <SearchPage locale="en" {...props} />;
}

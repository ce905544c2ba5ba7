import { libraryMetadata, LibraryPage } from "@/app/_pages/library";

export const dynamic = "force-dynamic";
export const generateMetadata = () => libraryMetadata("zh");

export default function Page() {
  return <LibraryPage locale="zh" />;
}

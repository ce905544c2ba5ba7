import { libraryMetadata, LibraryPage } from "@/app/_pages/library";

export const dynamic = "force-dynamic";
export const generateMetadata = () => libraryMetadata("en");

export default function Page() {
  return <LibraryPage locale="en" />;
}

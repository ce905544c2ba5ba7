import { libraryCaseMetadata, LibraryCasePage, type LibraryCasePageProps } from "@/app/_pages/library-case";

export const dynamic = "force-dynamic";
export const generateMetadata = (props: LibraryCasePageProps) => libraryCaseMetadata("en", props);

export default function Page(props: LibraryCasePageProps) {
  return <LibraryCasePage locale="en" {...props} />;
}
